package org.stockbridge.hub;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Links: a hub product's id in each connection. */
@Repository
public class LinkStore {

    private final NamedParameterJdbcTemplate jdbc;

    public LinkStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Link> ofProduct(long productId) {
        return jdbc.query("SELECT connection_id, external_id, external_sku, matched_by FROM link WHERE product_id = :p "
                        + "ORDER BY connection_id", Map.of("p", productId),
                (rs, n) -> new Link(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    /**
     * Links a connection's keys to hub products where neither the product nor the key is linked in it yet. Products
     * {@code matchedBy} {@code created} were created in this transaction: they cannot be linked yet, and their keys
     * matched no link, so only the others are looked up.
     */
    public int addMissing(String connection, Map<Long, IncomingProduct> byProduct, Map<Long, String> matchedBy, Instant now) {
        if (byProduct.isEmpty()) {
            return 0;
        }
        java.util.Set<Long> linkedProducts = new java.util.HashSet<>();
        java.util.Set<String> linkedKeys = new java.util.HashSet<>();
        List<Long> existing = byProduct.keySet().stream().filter(id -> !"created".equals(matchedBy.get(id))).toList();
        if (!existing.isEmpty()) {
            jdbc.query("SELECT l.product_id, l.external_id FROM UNNEST(:ids) k(id) JOIN link l ON l.product_id = k.id "
                            + "WHERE l.connection_id = :c", new MapSqlParameterSource("c", connection)
                            .addValue("ids", KeyArray.ofIds(existing)), rs -> {
                                linkedProducts.add(rs.getLong(1));
                                linkedKeys.add(rs.getString(2));
                            });
            List<String> keys = existing.stream().map(id -> byProduct.get(id).key()).distinct().toList();
            jdbc.query("SELECT l.external_id FROM UNNEST(:keys) k(id) JOIN link l ON l.connection_id = :c AND l.external_id = k.id",
                    new MapSqlParameterSource("c", connection).addValue("keys", KeyArray.ofStrings(keys)), rs -> {
                        linkedKeys.add(rs.getString(1));
                    });
        }
        var at = Timestamp.from(now);
        // positional parameters: an import links every row, and named ones cost more than the insert on H2
        List<Object[]> rows = byProduct.entrySet().stream()
                .filter(e -> !linkedProducts.contains(e.getKey()) && linkedKeys.add(e.getValue().key()))
                .map(e -> new Object[] {e.getKey(), connection, e.getValue().key(), e.getValue().sku(),
                        matchedBy.getOrDefault(e.getKey(), "sku"), at})
                .toList();
        if (!rows.isEmpty()) {
            jdbc.getJdbcTemplate().batchUpdate("INSERT INTO link (product_id, connection_id, external_id, external_sku, "
                    + "matched_by, created_at) VALUES (?, ?, ?, ?, ?, ?)", rows,
                    new int[] {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP});
        }
        return rows.size();
    }

    /** The ones among {@code productIds} that are linked to the connection. */
    public java.util.Set<Long> linkedProductIds(String connection, java.util.Collection<Long> productIds) {
        java.util.Set<Long> linked = new java.util.HashSet<>();
        if (productIds.isEmpty()) {
            return linked;
        }
        jdbc.query("SELECT l.product_id FROM UNNEST(:ids) k(id) JOIN link l ON l.product_id = k.id AND l.connection_id = :c",
                new MapSqlParameterSource("c", connection).addValue("ids", KeyArray.ofIds(productIds)), rs -> {
                    linked.add(rs.getLong(1));
                });
        return linked;
    }

    /** Hub SKUs of the connection's linked products, by the connection's key (external id). */
    public Map<String, String> skusByExternalId(String connection, java.util.Collection<String> keys) {
        Map<String, String> skus = new java.util.HashMap<>();
        jdbc.query("SELECT l.external_id, p.sku FROM UNNEST(:keys) k(id) "
                + "JOIN link l ON l.connection_id = :c AND l.external_id = k.id JOIN product p ON p.id = l.product_id",
                new MapSqlParameterSource("c", connection).addValue("keys", KeyArray.ofStrings(keys)), rs -> {
                    skus.put(rs.getString(1), rs.getString(2));
                });
        return skus;
    }

    /** The connection's linked products (id and hub SKU) by the connection's key (external id). */
    public Map<String, LinkedProduct> productsByExternalId(String connection, java.util.Collection<String> keys) {
        Map<String, LinkedProduct> products = new java.util.HashMap<>();
        jdbc.query("SELECT l.external_id, p.id, p.sku FROM UNNEST(:keys) k(id) "
                + "JOIN link l ON l.connection_id = :c AND l.external_id = k.id JOIN product p ON p.id = l.product_id",
                new MapSqlParameterSource("c", connection).addValue("keys", KeyArray.ofStrings(keys)), rs -> {
                    products.put(rs.getString(1), new LinkedProduct(rs.getLong(2), rs.getString(3)));
                });
        return products;
    }

    /** A hub product linked to a connection. */
    public record LinkedProduct(long productId, String sku) {
    }

    /**
     * The SKUs, by product id, of the connection's linked products with stock in the warehouse that are not
     * {@code present}: what a full feed sets to 0. Only those are kept, so a full feed of a million products does
     * not hold a million SKUs in memory to find the few it missed.
     */
    public Map<Long, String> linkedWithStockExcept(String connection, String warehouse, java.util.function.LongPredicate present) {
        Map<Long, String> skus = new java.util.HashMap<>();
        jdbc.query("SELECT p.id, p.sku FROM link l JOIN stock s ON s.product_id = l.product_id AND s.warehouse_id = :w "
                        + "JOIN product p ON p.id = l.product_id WHERE l.connection_id = :c AND s.quantity > 0",
                new MapSqlParameterSource("c", connection).addValue("w", warehouse), rs -> {
                    long id = rs.getLong(1);
                    if (!present.test(id)) {
                        skus.put(id, rs.getString(2));
                    }
                });
        return skus;
    }

    public void add(long productId, Link link, Instant now) {
        jdbc.update("INSERT INTO link (product_id, connection_id, external_id, external_sku, matched_by, created_at) "
                + "VALUES (:p, :c, :id, :sku, :by, :now)", new MapSqlParameterSource("p", productId)
                .addValue("c", link.connection()).addValue("id", link.externalId()).addValue("sku", link.externalSku())
                .addValue("by", link.matchedBy()).addValue("now", Timestamp.from(now)));
    }
}
