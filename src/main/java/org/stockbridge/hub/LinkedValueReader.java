package org.stockbridge.hub;

import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads {@link LinkedValues}: every link of one connection (with its product's name and EAN when they are
 * compared), then the stock of one warehouse and the prices of one price group, each in one streamed query.
 * Three scans read a million products in seconds, where looking each feed row's key up costs B-tree searches per
 * row. The three reads need not be one snapshot: each value is compared on its own, and a row skipped for
 * repeating a value read a moment ago took effect at that moment. So the prices are read on a second connection
 * (its own read-only transaction, which PostgreSQL needs to stream) while the stock is read on the caller's: the
 * two scans fill different arrays of the {@link LinkedValues.Builder} and together take the time of the longer.
 * <p>
 * On H2 each scan runs with lazy query execution: otherwise H2 computes a query's whole result before the first
 * row is fetched, keeping a few thousand rows in memory and writing the rest to a temporary map on disk, which
 * for a million rows cost more than the scan itself and filled the heap with the pages it wrote and read back.
 */
@Repository
class LinkedValueReader {

    /** Rows fetched per round trip; PostgreSQL streams only with a fetch size, inside a transaction. */
    private static final int FETCH_SIZE = 10_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    /** Whether the database is H2; asked of the first connection, not at startup. */
    private volatile Boolean h2;

    LinkedValueReader(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * @param reportedWarehouse the warehouse as the feed's rows name it
     * @param hubWarehouse      the hub warehouse it maps to, or null when the feed carries no stock
     * @param priceGroup        the price group, or null when the feed carries no prices
     * @param productData       whether rows' names and EANs are applied
     */
    LinkedValues read(String connection, String reportedWarehouse, String hubWarehouse, String priceGroup,
            boolean productData) {
        Integer links = jdbc.queryForObject("SELECT COUNT(*) FROM link WHERE connection_id = ?", Integer.class, connection);
        LinkedValues.Builder values = new LinkedValues.Builder(reportedWarehouse, productData, links == null ? 0 : links);
        streamed(() -> jdbc.query("SELECT l.external_id, l.product_id" + (productData ? ", p.name, p.ean" : "") + " FROM link l"
                + (productData ? " JOIN product p ON p.id = l.product_id" : "")
                + " WHERE l.connection_id = ?", rs -> {
                    values.add(rs.getString(1), rs.getLong(2), productData ? rs.getString(3) : null,
                            productData ? rs.getString(4) : null);
                }, connection));
        // stock and prices of all products in one scan each: a join would search the value tables' indexes once per link
        values.linksRead();
        CompletableFuture<Object> prices = priceGroup == null ? CompletableFuture.completedFuture(null)
                : BackgroundRead.start("linked prices", () -> readOnly.execute(tx -> {
                    streamed(() -> jdbc.query("SELECT product_id, amount FROM price WHERE price_group_id = ?", rs -> {
                        values.price(rs.getLong(1), rs.getBigDecimal(2));
                    }, priceGroup));
                    return null;
                }));
        try {
            if (hubWarehouse != null) {
                streamed(() -> jdbc.query("SELECT product_id, quantity FROM stock WHERE warehouse_id = ?", rs -> {
                    values.stock(rs.getLong(1), rs.getInt(2));
                }, hubWarehouse));
            }
        } finally {
            BackgroundRead.await(prices); // also when the stock failed: the prices' thread must not outlive the builder's use
        }
        return values.build();
    }

    /**
     * Runs a scan inside the caller's transaction (so on its connection), on H2 with lazy query execution, a
     * setting of the session that is switched off again before the connection goes back to the pool.
     */
    private void streamed(Runnable scan) {
        boolean lazy = isH2();
        if (lazy) {
            jdbc.execute("SET LAZY_QUERY_EXECUTION TRUE");
        }
        try {
            scan.run();
        } finally {
            if (lazy) {
                jdbc.execute("SET LAZY_QUERY_EXECUTION FALSE");
            }
        }
    }

    private boolean isH2() {
        Boolean h2 = this.h2;
        if (h2 == null) {
            h2 = jdbc.execute((ConnectionCallback<Boolean>) c -> "H2".equals(c.getMetaData().getDatabaseProductName()));
            this.h2 = h2;
        }
        return h2;
    }
}
