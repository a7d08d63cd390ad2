package org.stockbridge.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
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
    void anInstanceWhoseLockSessionEndsLetsTheShopGoAndNoticesWithinASecond() throws Exception {
        Assumptions.assumeTrue(TestDatabase.postgres(), "advisory locks are PostgreSQL's");
        String mug = "senders-" + UUID.randomUUID();
        ShopSenders first = new ShopSenders(database(), settings(true));
        ShopSenders second = new ShopSenders(database(), settings(true));
        try (Connection admin = DriverManager.getConnection(System.getenv("STOCKBRIDGE_TEST_PG_URL"),
                System.getenv("STOCKBRIDGE_TEST_PG_USER"), System.getenv("STOCKBRIDGE_TEST_PG_PASSWORD"))) {
            assertThat(first.sendsTo(mug)).isTrue();

            // the server ends the first instance's lock session (a restart, a network cut): its lock goes with it;
            // with a timeout pg_terminate_backend waits until the backend is gone, its locks released
            long key = ShopSenders.lockKey(mug);
            try (PreparedStatement end = admin.prepareStatement("SELECT pg_terminate_backend(pid, 5000) FROM pg_locks "
                    + "WHERE locktype = 'advisory' AND objsubid = 1 AND classid::bigint = ? AND objid::bigint = ?")) {
                end.setLong(1, key >>> 32);
                end.setLong(2, key & 0xffffffffL);
                try (ResultSet ended = end.executeQuery()) {
                    assertThat(ended.next() && ended.getBoolean(1)).as("the lock's session was found and ended").isTrue();
                }
            }
            assertThat(second.sendsTo(mug)).as("the shop is free for another instance at once").isTrue();

            Thread.sleep(1_100); // the first checks its lock connection at most once a second
            assertThat(first.sendsTo(mug)).as("the first notices and no longer sends to it").isFalse();
            assertThat(first.holds(mug)).isFalse();
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
