package org.stockbridge.push;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.stereotype.Component;

/**
 * How many hub-to-shop drains may use the database at once (claiming, planning, recording): by default half the
 * connection pool, at least one, so that however many shops there are, feeds, the API and Quartz always find
 * connections. Each shop's route has its own thread; without this, 20 shops' drains could take all of a pool of
 * 10, and a feed's transaction waited 30 s for a connection and failed (docs/benchmarks.md). A drain holds no
 * connection while its requests wait for their turn at the shop, only while it reads or writes.
 */
@Component
public class DrainTurns {

    private static final int WITHOUT_POOL_SIZE = 5;

    private final Semaphore turns;

    DrainTurns(DataSource dataSource, PushProperties settings) {
        this.turns = new Semaphore(settings.databaseConnections() != null ? settings.databaseConnections()
                : Math.max(1, poolSize(dataSource) / 2), true);
    }

    /** Runs {@code work} (which takes at most one connection at a time) when it is a drain's turn. */
    <T> T take(Supplier<T> work) {
        turns.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            turns.release();
        }
    }

    private static int poolSize(DataSource dataSource) {
        return dataSource instanceof HikariDataSource hikari ? hikari.getMaximumPoolSize() : 2 * WITHOUT_POOL_SIZE;
    }
}
