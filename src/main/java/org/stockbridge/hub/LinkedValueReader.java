package org.stockbridge.hub;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads {@link LinkedValues}: every link of one connection with its product's stock in one warehouse and price in
 * one price group, in a single streamed query (a million rows are read in a few seconds, where looking each
 * feed row's key up costs a B-tree search per row).
 */
@Repository
class LinkedValueReader {

    /** Rows fetched per round trip; PostgreSQL streams only with a fetch size, inside a transaction. */
    private static final int FETCH_SIZE = 10_000;

    private final JdbcTemplate jdbc;

    LinkedValueReader(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
    }

    /**
     * @param reportedWarehouse the warehouse as the feed's rows name it
     * @param hubWarehouse      the hub warehouse it maps to, or null when the feed carries no stock
     * @param priceGroup        the price group, or null when the feed carries no prices
     * @param productData       whether rows' names and EANs are applied
     */
    LinkedValues read(String connection, String reportedWarehouse, String hubWarehouse, String priceGroup,
            boolean productData) {
        LinkedValues.Builder values = new LinkedValues.Builder(reportedWarehouse, productData);
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT l.external_id, l.product_id, ")
                .append(hubWarehouse == null ? "NULL" : "s.quantity").append(", ")
                .append(priceGroup == null ? "NULL" : "pr.amount").append(", ")
                .append(productData ? "p.name, p.ean" : "NULL, NULL").append(" FROM link l");
        if (hubWarehouse != null) {
            sql.append(" LEFT JOIN stock s ON s.product_id = l.product_id AND s.warehouse_id = ?");
            args.add(hubWarehouse);
        }
        if (priceGroup != null) {
            sql.append(" LEFT JOIN price pr ON pr.product_id = l.product_id AND pr.price_group_id = ?");
            args.add(priceGroup);
        }
        if (productData) {
            sql.append(" JOIN product p ON p.id = l.product_id");
        }
        sql.append(" WHERE l.connection_id = ?");
        args.add(connection);
        jdbc.query(sql.toString(), rs -> {
            int stock = rs.getInt(3);
            values.add(rs.getString(1), rs.getLong(2), rs.wasNull() ? null : stock, rs.getBigDecimal(4),
                    rs.getString(5), rs.getString(6));
        }, args.toArray());
        return values.build();
    }
}
