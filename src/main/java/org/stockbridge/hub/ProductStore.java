package org.stockbridge.hub;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Products: the master records, looked up by SKU. */
@Repository
public class ProductStore {

    private final NamedParameterJdbcTemplate jdbc;
    private final AttributesJson attributesJson;
    private final Clock clock;

    private final RowMapper<Product> productMapper;

    public ProductStore(NamedParameterJdbcTemplate jdbc, AttributesJson attributesJson, Clock clock) {
        this.jdbc = jdbc;
        this.attributesJson = attributesJson;
        this.clock = clock;
        this.productMapper = (rs, n) -> new Product(rs.getLong("id"), rs.getString("sku"), rs.getString("ean"),
                rs.getString("name"), attributesJson.read(rs.getString("attributes")));
    }

    public Optional<Product> find(String sku) {
        return jdbc.query("SELECT * FROM product WHERE sku = :sku", Map.of("sku", sku), productMapper).stream().findFirst();
    }

    public List<Product> list(int offset, int limit) {
        return jdbc.query("SELECT * FROM product ORDER BY sku OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY",
                Map.of("offset", offset, "limit", limit), productMapper);
    }

    /**
     * Locks the products' rows until the transaction ends. Every change of a product's stock, prices or
     * reservations takes this lock before it reads the values it replaces, so two writers of one SKU queue up
     * instead of overwriting each other; rows are locked in id order so two batches cannot deadlock.
     */
    public void lock(Collection<Long> ids) {
        // FOR UPDATE locks the product rows only: both databases leave the UNNEST function out of the lock
        jdbc.query("SELECT p.id FROM UNNEST(:ids) k(id) JOIN product p ON p.id = k.id ORDER BY p.id FOR UPDATE",
                Map.of("ids", KeyArray.ofIds(ids)), rs -> {
                });
    }

    /** Product ids by SKU, for the SKUs that exist (no lock). */
    public Map<String, Long> idsBySku(Collection<String> skus) {
        Map<String, Long> ids = new HashMap<>();
        idsAndSkus("UNNEST(:keys) k(sku) JOIN product p ON p.sku = k.sku", KeyArray.ofStrings(skus),
                (id, sku) -> ids.put(sku, id));
        return ids;
    }

    /** SKUs by product id, for the ids that exist (no lock). */
    public Map<Long, String> skusById(Collection<Long> ids) {
        Map<Long, String> skus = new HashMap<>();
        idsAndSkus("UNNEST(:keys) k(id) JOIN product p ON p.id = k.id", KeyArray.ofIds(ids), skus::put);
        return skus;
    }

    private void idsAndSkus(String products, Object keys, java.util.function.BiConsumer<Long, String> each) {
        jdbc.query("SELECT p.id, p.sku FROM " + products, Map.of("keys", keys), rs -> {
            each.accept(rs.getLong(1), rs.getString(2));
        });
    }

    /** Products by EAN, for the EANs that exist; an EAN may belong to several products (then it is ambiguous). */
    public Map<String, List<String>> skusByEan(Collection<String> eans) {
        Map<String, List<String>> skus = new HashMap<>();
        jdbc.query("SELECT p.ean, p.sku FROM UNNEST(:eans) k(ean) JOIN product p ON p.ean = k.ean",
                Map.of("eans", KeyArray.ofStrings(eans)), rs -> {
                    skus.computeIfAbsent(rs.getString(1), e -> new java.util.ArrayList<>()).add(rs.getString(2));
                });
        return skus;
    }

    /** Products by exact name, for the names that exist; a name may belong to several products (ambiguous). */
    public Map<String, List<String>> skusByName(Collection<String> names) {
        Map<String, List<String>> skus = new HashMap<>();
        jdbc.query("SELECT p.name, p.sku FROM UNNEST(:names) k(name) JOIN product p ON p.name = k.name",
                Map.of("names", KeyArray.ofStrings(names)), rs -> {
                    skus.computeIfAbsent(rs.getString(1), e -> new java.util.ArrayList<>()).add(rs.getString(2));
                });
        return skus;
    }

    /** Products with no link to the connection, by SKU: what a shop may still lack. */
    public List<Product> unlinked(String connection, int offset, int limit) {
        return jdbc.query("SELECT p.* FROM product p WHERE NOT EXISTS (SELECT 1 FROM link l WHERE l.product_id = p.id "
                + "AND l.connection_id = :c) ORDER BY p.sku OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY",
                Map.of("c", connection, "offset", offset, "limit", limit), productMapper);
    }

    public int countUnlinked(String connection) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM product p WHERE NOT EXISTS (SELECT 1 FROM link l "
                + "WHERE l.product_id = p.id AND l.connection_id = :c)", Map.of("c", connection), Integer.class);
    }

    /** Products by id. */
    public Map<Long, Product> byIds(Collection<Long> ids) {
        Map<Long, Product> found = new HashMap<>();
        jdbc.query("SELECT p.* FROM UNNEST(:ids) k(id) JOIN product p ON p.id = k.id", Map.of("ids", KeyArray.ofIds(ids)),
                productMapper).forEach(p -> found.put(p.id(), p));
        return found;
    }

    /** Sets name and EAN of products in one JDBC batch (attributes untouched). */
    public void updateNamesAndEans(List<Product> products, java.time.Instant now) {
        var at = Timestamp.from(now);
        jdbc.batchUpdate("UPDATE product SET name = :name, ean = :ean, updated_at = :now WHERE id = :id",
                products.stream().map(p -> new MapSqlParameterSource("id", p.id()).addValue("name", p.name())
                        .addValue("ean", p.ean()).addValue("now", at)).toArray(MapSqlParameterSource[]::new));
    }

    /** Creates products in one JDBC batch (SKU, EAN, name); the caller made sure the SKUs are new. */
    public void createAll(List<IncomingProduct> products, java.time.Instant now) {
        var at = Timestamp.from(now);
        // positional parameters: an import creates a product per row, and named ones cost more than the insert on H2
        List<Object[]> rows = products.stream().map(p -> new Object[] {p.sku(), p.ean(), p.name(), at, at}).toList();
        jdbc.getJdbcTemplate().batchUpdate("INSERT INTO product (sku, ean, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                rows, new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP, Types.TIMESTAMP});
    }

    /** Creates the product or updates its descriptive data; returns true when it was created. */
    public boolean save(String sku, ProductData data) {
        var now = Timestamp.from(clock.instant());
        var params = new MapSqlParameterSource()
                .addValue("sku", sku)
                .addValue("ean", data.ean())
                .addValue("name", data.name())
                .addValue("attributes", attributesJson.write(data.attributes()))
                .addValue("now", now);
        String update = "UPDATE product SET ean = :ean, name = :name, attributes = :attributes, updated_at = :now WHERE sku = :sku";
        if (jdbc.update(update, params) > 0) {
            return false;
        }
        try {
            jdbc.update("INSERT INTO product (sku, ean, name, attributes, created_at, updated_at) "
                    + "VALUES (:sku, :ean, :name, :attributes, :now, :now)", params);
            return true;
        } catch (DuplicateKeyException raced) {
            jdbc.update(update, params);
            return false;
        }
    }
}
