package org.stockbridge.hub;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Shop values: what each inferior shop was last sent successfully, per (product, kind), as the text that was sent.
 * The hub-to-shop drain sends only values that differ from these.
 */
@Repository
public class ShopValueStore {

    private final NamedParameterJdbcTemplate jdbc;

    public ShopValueStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The connection's shop values of these products: product id → kind → value. */
    public Map<Long, Map<String, String>> read(String connection, Collection<Long> productIds) {
        Map<Long, Map<String, String>> values = new HashMap<>();
        if (productIds.isEmpty()) {
            return values;
        }
        // one drain's products (at most stockbridge.push.batch): a plain IN list
        jdbc.query("SELECT product_id, kind, \"value\" FROM shop_value WHERE connection_id = :c AND product_id IN (:ids)",
                new MapSqlParameterSource("c", connection).addValue("ids", List.copyOf(productIds)), rs -> {
                    values.computeIfAbsent(rs.getLong(1), id -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                });
        return values;
    }

    /**
     * Records what the shop now shows. Update first, insert when there was no row: the drain never sends one
     * (connection, product, kind) from two places at once (see {@link OutboxStore#claim}), so no insert races.
     */
    public void save(String connection, long productId, String kind, String value, Instant sentAt) {
        var params = new MapSqlParameterSource("c", connection).addValue("p", productId).addValue("k", kind)
                .addValue("v", value).addValue("at", Timestamp.from(sentAt));
        if (jdbc.update("UPDATE shop_value SET \"value\" = :v, sent_at = :at "
                + "WHERE connection_id = :c AND product_id = :p AND kind = :k", params) == 0) {
            jdbc.update("INSERT INTO shop_value (connection_id, product_id, kind, \"value\", sent_at) "
                    + "VALUES (:c, :p, :k, :v, :at)", params);
        }
    }
}
