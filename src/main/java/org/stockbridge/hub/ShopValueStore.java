package org.stockbridge.hub;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
    private final HubDatabase database;

    public ShopValueStore(NamedParameterJdbcTemplate jdbc, HubDatabase database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /** The connection's shop values of these products: product id → kind → value. */
    public Map<Long, Map<String, String>> read(String connection, Collection<Long> productIds) {
        Map<Long, Map<String, String>> values = new HashMap<>();
        if (productIds.isEmpty()) {
            return values;
        }
        // one drain's products, thousands for a fast shop: joined to the key array, not an IN list (KeyArray)
        jdbc.query("SELECT v.product_id, v.kind, v.\"value\" FROM UNNEST(:ids) k(id) "
                + "JOIN shop_value v ON v.connection_id = :c AND v.product_id = k.id",
                new MapSqlParameterSource("c", connection).addValue("ids", KeyArray.ofIds(productIds)), rs -> {
                    values.computeIfAbsent(rs.getLong(1), id -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                });
        return values;
    }

    /** What the shop now shows for one (product, kind). */
    public record Shown(long productId, String kind, String value) {
    }

    /** Records what the shop now shows for one item; see {@link #saveAll}. */
    public void save(String connection, long productId, String kind, String value, Instant sentAt) {
        saveAll(connection, List.of(new Shown(productId, kind, value)), sentAt);
    }

    /**
     * Records what the shop now shows, for all items of one request at once. On PostgreSQL one
     * {@code INSERT … ON CONFLICT DO UPDATE} of the items as arrays; elsewhere one batched UPDATE, then one batched
     * INSERT of the rows the UPDATE did not find (on PostgreSQL that cost a statement execution per item even when
     * it found nothing: a shop's first value of each product). The drain never sends one (connection, product,
     * kind) from two places at once (see {@link OutboxStore#claim}), so no insert races. Positional parameters:
     * named ones cost more than the statement itself for batches this size.
     */
    public void saveAll(String connection, Collection<Shown> values, Instant sentAt) {
        if (values.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(sentAt);
        // one value per item: an upsert may not touch a row twice, and the last one given is what the shop shows
        Map<Item, Shown> byItem = new LinkedHashMap<>();
        values.forEach(v -> byItem.put(new Item(v.productId(), v.kind()), v));
        List<Shown> all = List.copyOf(byItem.values());
        if (database.postgresql()) {
            upsert(connection, all, at);
            return;
        }
        int[] updated = jdbc.getJdbcTemplate().batchUpdate("UPDATE shop_value SET \"value\" = ?, sent_at = ? "
                + "WHERE connection_id = ? AND product_id = ? AND kind = ?",
                all.stream().map(v -> new Object[] {v.value(), at, connection, v.productId(), v.kind()}).toList());
        List<Object[]> inserts = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (updated[i] == 0) {
                Shown v = all.get(i);
                inserts.add(new Object[] {connection, v.productId(), v.kind(), v.value(), at});
            }
        }
        if (!inserts.isEmpty()) {
            jdbc.getJdbcTemplate().batchUpdate("INSERT INTO shop_value (connection_id, product_id, kind, \"value\", sent_at) "
                    + "VALUES (?, ?, ?, ?, ?)", inserts);
        }
    }

    private record Item(long productId, String kind) {
    }

    private void upsert(String connection, List<Shown> all, Timestamp at) {
        jdbc.update("INSERT INTO shop_value (connection_id, product_id, kind, \"value\", sent_at) "
                + "SELECT :c, k.id, k.kind, k.v, :at FROM UNNEST(:ids, :kinds, :values) k(id, kind, v) "
                + "ON CONFLICT (connection_id, product_id, kind) DO UPDATE SET \"value\" = EXCLUDED.\"value\", "
                + "sent_at = EXCLUDED.sent_at", new MapSqlParameterSource("c", connection).addValue("at", at)
                        .addValue("ids", KeyArray.ofIds(all.stream().map(Shown::productId).toList()))
                        .addValue("kinds", KeyArray.ofStrings(all.stream().map(Shown::kind).toList()))
                        .addValue("values", KeyArray.ofStrings(all.stream().map(Shown::value).toList())));
    }
}
