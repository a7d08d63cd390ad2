package org.stockbridge.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.stockbridge.StockbridgeApplication;

/**
 * Starts the real hub for a benchmark: profile {@code bench} (src/test/resources/application-bench.yml), on H2 as
 * configured there or on PostgreSQL from {@code STOCKBRIDGE_TEST_PG_URL/USER/PASSWORD} (set by the bench scripts).
 */
final class BenchHub {

    private BenchHub() {
    }

    /** @param props the benchmark's own settings; they override application.yml */
    static ConfigurableApplicationContext start(String db, Map<String, Object> props) {
        List<String> profiles = new ArrayList<>(List.of("bench"));
        Map<String, Object> all = new java.util.LinkedHashMap<>(props);
        if (db.equals("postgres")) {
            profiles.add("postgres");
            all.put("spring.datasource.url", env("STOCKBRIDGE_TEST_PG_URL"));
            all.put("spring.datasource.username", env("STOCKBRIDGE_TEST_PG_USER"));
            all.put("spring.datasource.password", env("STOCKBRIDGE_TEST_PG_PASSWORD"));
        } else if (!db.equals("h2")) {
            throw new IllegalArgumentException("unknown database '" + db + "' (h2 or postgres)");
        }
        // as command-line arguments: they override application.yml (builder properties would be mere defaults)
        String[] args = all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(StockbridgeApplication.class).profiles(profiles.toArray(String[]::new)).run(args);
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set (the bench/*.sh scripts start PostgreSQL via .ci/postgres.sh)");
        }
        return value;
    }
}
