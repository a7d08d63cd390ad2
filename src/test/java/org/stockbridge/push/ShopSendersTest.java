package org.stockbridge.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.stockbridge.TestDatabase;

/**
 * {@link ShopSenders} as two instances of the hub see it, each with its own lock connection to the test run's
 * database: on PostgreSQL one sends to a shop and the other takes it over once the first has stopped; on H2
 * (embedded, one process) every instance sends.
 */
class ShopSendersTest {

    @Test
    void oneInstanceSendsToAShopAndAnotherTakesItOverOnceTheFirstStops() {
        String mug = "senders-" + UUID.randomUUID();
        String cap = "senders-" + UUID.randomUUID();
        ShopSenders first = new ShopSenders(database(), settings(true));
        ShopSenders second = new ShopSenders(database(), settings(true));
        try {
            assertThat(first.sendsTo(mug)).isTrue();
            assertThat(second.sendsTo(cap)).isTrue();
            if (TestDatabase.postgres()) {
                assertThat(second.sendsTo(mug)).as("the first sends to the mug shop").isFalse();
                assertThat(first.sendsTo(cap)).as("the second sends to the cap shop").isFalse();
                assertThat(first.sendsTo(mug)).as("and keeps it").isTrue();

                first.destroy(); // the instance stops: its session ends, its locks with it

                assertThat(second.sendsTo(mug)).isTrue();
                assertThat(second.sendsTo(cap)).isTrue();
            } else {
                assertThat(second.sendsTo(mug)).as("H2 is one process's database: it sends to every shop").isTrue();
                assertThat(first.sendsTo(cap)).isTrue();
            }
        } finally {
            first.destroy();
            second.destroy();
        }
    }

    @Test
    void turnedOffEveryInstanceSendsToEveryShop() {
        String mug = "senders-" + UUID.randomUUID();
        ShopSenders first = new ShopSenders(database(), settings(false));
        ShopSenders second = new ShopSenders(database(), settings(false));
        try {
            assertThat(first.sendsTo(mug)).isTrue();
            assertThat(second.sendsTo(mug)).isTrue();
        } finally {
            first.destroy();
            second.destroy();
        }
    }

    private static PushProperties settings(boolean oneSenderPerShop) {
        return new PushProperties(null, null, null, null, null, null, null, null, null, oneSenderPerShop);
    }

    /** The run's database: PostgreSQL from the environment (.ci/run), else an in-memory H2. */
    private static DataSourceProperties database() {
        DataSourceProperties database = new DataSourceProperties();
        if (TestDatabase.postgres()) {
            database.setUrl(System.getenv("STOCKBRIDGE_TEST_PG_URL"));
            database.setUsername(System.getenv("STOCKBRIDGE_TEST_PG_USER"));
            database.setPassword(System.getenv("STOCKBRIDGE_TEST_PG_PASSWORD"));
        } else {
            database.setUrl("jdbc:h2:mem:senders;DB_CLOSE_DELAY=-1");
        }
        return database;
    }
}
