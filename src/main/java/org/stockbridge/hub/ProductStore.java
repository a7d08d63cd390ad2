package org.stockbridge.hub;

import java.sql.Timestamp;
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

    /** Both databases accept long IN lists, but the statement cache and plans suffer; batches are cut to this. */
    static final int IN_LIST_LIMIT = 1000;

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
     * Locks the products' rows until the transaction ends and returns their ids by SKU. Every change of a
     * product's stock, prices or reservations takes this lock first, so two writers of one SKU queue up instead
     * of overwriting each other; rows are locked in id order so two batches cannot deadlock.
     */
    public Map<String, Long> lockIds(Collection<String> skus) {
        Map<String, Long> ids = new HashMap<>();
        for (List<String> chunk : Chunks.of(List.copyOf(skus), IN_LIST_LIMIT)) {
            jdbc.query("SELECT id, sku FROM product WHERE sku IN (:skus) ORDER BY id FOR UPDATE",
                    Map.of("skus", chunk), rs -> {
                        ids.put(rs.getString("sku"), rs.getLong("id"));
                    });
        }
        return ids;
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
