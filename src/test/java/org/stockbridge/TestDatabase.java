package org.stockbridge;

import org.springframework.test.context.ActiveProfilesResolver;

/** Chooses the database of a test run: {@code -Dstockbridge.test.db=h2} (default) or {@code postgres}. */
public class TestDatabase implements ActiveProfilesResolver {

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("stockbridge.test.db", "h2"));
    }

    @Override
    public String[] resolve(Class<?> testClass) {
        return postgres() ? new String[] {"test", "test-postgres"} : new String[] {"test"};
    }
}
