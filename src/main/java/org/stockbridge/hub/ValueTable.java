package org.stockbridge.hub;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A table holding one value per (product, key): {@code stock} (per warehouse) and {@code price} (per price group).
 * Reads and writes whole batches: one SELECT, one JDBC batch of UPDATEs and one of INSERTs.
 */
final class ValueTable<V> {

    interface Column<V> {
        V read(ResultSet rs, String column) throws SQLException;
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final String table;
    private final String keyColumn;
    private final String valueColumn;
    private final Column<V> column;

    ValueTable(NamedParameterJdbcTemplate jdbc, String table, String keyColumn, String valueColumn, Column<V> column) {
        this.jdbc = jdbc;
        this.table = table;
        this.keyColumn = keyColumn;
        this.valueColumn = valueColumn;
        this.column = column;
    }

    Map<ValueKey, V> read(Collection<Long> productIds) {
        Map<ValueKey, V> values = new HashMap<>();
        String sql = "SELECT v.product_id, v." + keyColumn + ", v." + valueColumn + " FROM UNNEST(:ids) k(id) JOIN " + table
                + " v ON v.product_id = k.id";
        jdbc.query(sql, Map.of("ids", KeyArray.ofIds(productIds)), rs -> {
            values.put(new ValueKey(rs.getLong(1), rs.getString(2)), column.read(rs, valueColumn));
        });
        return values;
    }

    Map<String, V> readOne(long productId) {
        Map<String, V> values = new java.util.TreeMap<>();
        read(List.of(productId)).forEach((k, v) -> values.put(k.key(), v));
        return values;
    }

    void write(Map<ValueKey, V> values, Map<ValueKey, V> existing, Instant now) {
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        Timestamp at = Timestamp.from(now);
        values.forEach((key, value) -> {
            if (existing.containsKey(key)) {
                updates.add(new Object[] {value, at, key.productId(), key.key()});
            } else {
                inserts.add(new Object[] {key.productId(), key.key(), value, at});
            }
        });
        // positional parameters: named ones cost more than the statement itself for batches this size
        if (!updates.isEmpty()) {
            jdbc.getJdbcTemplate().batchUpdate("UPDATE " + table + " SET " + valueColumn + " = ?, updated_at = ? "
                    + "WHERE product_id = ? AND " + keyColumn + " = ?", updates);
        }
        if (!inserts.isEmpty()) {
            jdbc.getJdbcTemplate().batchUpdate("INSERT INTO " + table + " (product_id, " + keyColumn + ", " + valueColumn
                    + ", updated_at) VALUES (?, ?, ?, ?)", inserts);
        }
    }
}
