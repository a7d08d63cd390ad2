package org.stockbridge;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh SKUs per test: on PostgreSQL every test context shares one database, so tests never rely on an empty
 * catalogue, only on the SKUs they made.
 */
public final class Skus {

    private static final String RUN = Long.toString(System.nanoTime(), 36);
    private static final AtomicInteger NEXT = new AtomicInteger();

    private Skus() {
    }

    public static String fresh(String prefix) {
        return prefix + "-" + RUN + "-" + NEXT.incrementAndGet();
    }
}
