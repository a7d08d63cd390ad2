package org.stockbridge.hub;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads {@link LinkedValues}: every link of one connection (with its product's name and EAN when they are
 * compared), then the stock of one warehouse and the prices of one price group, each in one scan.
 * Three scans read a million products in seconds, where looking each feed row's key up costs B-tree searches per
 * row. The three reads need not be one snapshot: each value is compared on its own, and a row skipped for
 * repeating a value read a moment ago took effect at that moment. So the prices are read on a second connection
 * (in a read-only transaction of its own) while the stock is read on the caller's: the two scans fill different
 * arrays of the {@link LinkedValues.Builder} and together take the time of the longer.
 * <p>
 * On PostgreSQL each scan is one {@code COPY ... TO STDOUT (FORMAT binary)} ({@link BinaryCopyRows}), less work
 * for the hub than a streamed result set; the database's own scans remain most of the time (the values of a
 * million linked products in 1.6-1.8 s on 2 cores; 1.8-1.9 s through a result set, timed with a recording running).
 * <p>
 * On H2 each scan is read in pages of {@value #H2_PAGE} rows in key order, each page its own statement: H2
 * computes a statement's whole result before the first row is fetched, and writes every row past its
 * {@code MAX_MEMORY_ROWS} (40 000 per GiB of heap) into a temporary map on disk. For a million rows that cost more
 * than the scan itself (values of 1M products read in 7.6-8.7 s in a 256 MiB heap). H2's lazy query execution
 * avoids the copy too, but a lazy scan can lose the file chunks it reads while other sessions write
 * (h2database#4142, "Chunk not found", open for 2.3.232), and feeds are read while the hub writes.
 */
@Repository
class LinkedValueReader {

    /** Rows per page of an H2 scan: below H2's MAX_MEMORY_ROWS in any heap from about 105 MiB up. */
    static final int H2_PAGE = 4096;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final HubDatabase database;
    /** Links per connection when its values were last read. */
    private final Map<String, Integer> linkCounts = new ConcurrentHashMap<>();

    LinkedValueReader(DataSource dataSource, PlatformTransactionManager transactions, HubDatabase database) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.database = database;
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
        LinkedValues.Builder values = new LinkedValues.Builder(reportedWarehouse, productData, expectedLinks(connection));
        scan(links(productData), row -> values.add(row.text(0), row.int8(1), productData ? row.text(2) : null,
                productData ? row.text(3) : null), connection);
        linkCounts.put(connection, values.size());
        // stock and prices of all products in one scan each: a join would search the value tables' indexes once per link
        values.linksRead();
        CompletableFuture<int[]> keys = BackgroundRead.start("linked keys", values::indexKeys);
        CompletableFuture<Object> prices = priceGroup == null ? CompletableFuture.completedFuture(null)
                : BackgroundRead.start("linked prices", () -> readOnly.execute(tx -> {
                    scan(PRICES, row -> values.price(row.int8(0), row.price(1)), priceGroup);
                    return null;
                }));
        try {
            if (hubWarehouse != null) {
                scan(STOCK, row -> values.stock(row.int8(0), row.int4(1)), hubWarehouse);
            }
        } finally {
            // also when the stock or one of them failed: neither thread may outlive the builder's use
            CompletableFuture.allOf(keys, prices).exceptionally(failed -> null).join();
        }
        BackgroundRead.await(keys); // what either thread threw
        BackgroundRead.await(prices);
        return values.build();
    }

    /**
     * How many links the connection had when its values were last read, or (the first time) how many it has: the
     * builder's arrays start at that size. Counting a million links took a quarter of a second before every feed;
     * a count off by the links made since only costs the arrays a step of growth.
     */
    private int expectedLinks(String connection) {
        Integer last = linkCounts.get(connection);
        if (last != null) {
            return last + last / 16;
        }
        Integer links = jdbc.queryForObject("SELECT COUNT(*) FROM link WHERE connection_id = ?", Integer.class, connection);
        return links == null ? 0 : links;
    }

    /**
     * A query whose rows are read whole: {@code table} names one table (with its alias), {@code joins} what is
     * joined to it and {@code where} a condition; the first column selected is {@code key}, unique within the
     * result. On H2 the table is read through {@code index}, whose columns up to the key are {@code order}: H2
     * reads a page straight from an index only when the ORDER BY names all of them, columns fixed by the WHERE
     * clause included, and left to choose it took the foreign key's index on the warehouse and sorted the whole
     * result for every page.
     */
    record Scan(String columns, String table, String index, String joins, String where, String order, String key) {

        /** The scan as a binary COPY, its one parameter given as a literal. */
        String copy(String literal) {
            return "COPY (SELECT " + columns + " FROM " + table + joins + " WHERE " + where.replace("?", literal)
                    + ") TO STDOUT (FORMAT binary)";
        }

        String firstPage() {
            return h2Select() + " ORDER BY " + order + " LIMIT " + H2_PAGE;
        }

        String nextPage() {
            return h2Select() + " AND " + key + " > ? ORDER BY " + order + " LIMIT " + H2_PAGE;
        }

        private String h2Select() {
            return "SELECT " + columns + " FROM " + table + " USE INDEX (" + index + ")" + joins + " WHERE " + where;
        }
    }

    static final Scan STOCK = new Scan("product_id, quantity", "stock", "ix_stock_warehouse_product", "",
            "warehouse_id = ?", "warehouse_id, product_id", "product_id");
    static final Scan PRICES = new Scan("product_id, amount", "price", "ix_price_group_product", "",
            "price_group_id = ?", "price_group_id, product_id", "product_id");

    static Scan links(boolean productData) {
        return new Scan("l.external_id, l.product_id" + (productData ? ", p.name, p.ean" : ""), "link l",
                "ix_link_connection_values", productData ? " JOIN product p ON p.id = l.product_id" : "",
                "l.connection_id = ?", "l.connection_id, l.external_id", "l.external_id");
    }

    /** What is done with each row of a scan. */
    @FunctionalInterface
    interface RowHandler {
        void row(ValueRow row) throws SQLException;
    }

    /**
     * Reads every row of a scan inside the caller's transaction: on PostgreSQL as one binary COPY, on H2 page by
     * page, each next page after the last key read.
     */
    private void scan(Scan scan, RowHandler rows, Object arg) {
        if (database.postgresql()) {
            jdbc.execute((ConnectionCallback<Void>) c -> {
                copy(c, scan.copy(literal(arg)), rows);
                return null;
            });
            return;
        }
        Object[] last = {null};
        int[] read = {0};
        ValueRow.OfResultSet current = new ValueRow.OfResultSet();
        RowCallbackHandler page = rs -> {
            rows.row(current.at(rs));
            last[0] = rs.getObject(1);
            read[0]++;
        };
        jdbc.query(scan.firstPage(), page, arg);
        while (read[0] == H2_PAGE) {
            read[0] = 0;
            jdbc.query(scan.nextPage(), page, arg, last[0]);
        }
    }

    /**
     * Streams a binary COPY's rows to {@code rows}. When anything fails part way, the rest of the COPY is read
     * (and dropped) before the stream is closed: pgjdbc's close of an unfinished COPY only asks the server to cancel
     * it and leaves the rest of its answer unread on the connection, which then answered every later statement with
     * the one before's result, also after going back to the pool.
     */
    static void copy(Connection c, String sql, RowHandler rows) throws SQLException {
        PGCopyInputStream stream = new PGCopyInputStream(c.unwrap(PGConnection.class), sql);
        try {
            BinaryCopyRows copy = new BinaryCopyRows(stream::readFromCopy);
            while (copy.next()) {
                rows.row(copy);
            }
        } catch (SQLException | RuntimeException | Error e) {
            readToTheEnd(stream, e);
            throw e;
        } finally {
            try {
                stream.close(); // nothing left to cancel: the COPY was read to its end
            } catch (IOException e) {
                throw new SQLException("closing " + sql + " failed: " + e.getMessage(), e);
            }
        }
    }

    private static void readToTheEnd(PGCopyInputStream stream, Throwable failure) {
        try {
            while (stream.isActive() && stream.readFromCopy() != null) {
                // dropped
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * A string as a PostgreSQL escape-string literal: COPY takes no parameters. Backslashes and quotes are escaped,
     * so the literal means the same whatever {@code standard_conforming_strings} is.
     */
    static String literal(Object value) {
        return "E'" + value.toString().replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
