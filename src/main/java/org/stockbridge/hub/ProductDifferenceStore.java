package org.stockbridge.hub;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Open product differences of manual-mode connections: one per (connection, product, field), the latest value. */
@Repository
public class ProductDifferenceStore {

    private static final RowMapper<ProductDifference> MAPPER = (rs, n) -> new ProductDifference(rs.getLong("id"),
            rs.getString("connection_id"), rs.getString("sku"), rs.getString("field"), rs.getString("hub_value"),
            rs.getString("connection_value"), rs.getString("origin"),
            rs.getObject("noticed_at", OffsetDateTime.class).toInstant(), rs.getString("state"));

    private static final String SELECT = "SELECT d.*, p.sku FROM product_difference d JOIN product p ON p.id = d.product_id ";

    private final NamedParameterJdbcTemplate jdbc;

    public ProductDifferenceStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void notice(String connection, long productId, String field, String hubValue, String connectionValue, String origin,
            Instant now) {
        var params = new MapSqlParameterSource("c", connection).addValue("p", productId).addValue("f", field)
                .addValue("hub", hubValue).addValue("value", connectionValue).addValue("origin", origin)
                .addValue("now", Timestamp.from(now));
        String update = "UPDATE product_difference SET hub_value = :hub, connection_value = :value, origin = :origin, "
                + "noticed_at = :now, state = 'open' WHERE connection_id = :c AND product_id = :p AND field = :f";
        if (jdbc.update(update, params) == 0) {
            try {
                jdbc.update("INSERT INTO product_difference (connection_id, product_id, field, hub_value, connection_value, "
                        + "origin, noticed_at, state) VALUES (:c, :p, :f, :hub, :value, :origin, :now, 'open')", params);
            } catch (DuplicateKeyException raced) {
                jdbc.update(update, params);
            }
        }
    }

    public List<ProductDifference> open(String connection) {
        return jdbc.query(SELECT + "WHERE d.state = 'open'" + (connection == null ? "" : " AND d.connection_id = :c")
                + " ORDER BY d.id", new MapSqlParameterSource("c", connection), MAPPER);
    }

    public Optional<ProductDifference> find(long id) {
        return jdbc.query(SELECT + "WHERE d.id = :id", new MapSqlParameterSource("id", id), MAPPER).stream().findFirst();
    }

    boolean close(long id, String state) {
        return jdbc.update("UPDATE product_difference SET state = :s WHERE id = :id AND state = 'open'",
                new MapSqlParameterSource("id", id).addValue("s", state)) == 1;
    }
}
