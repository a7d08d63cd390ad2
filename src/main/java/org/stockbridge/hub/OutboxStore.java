package org.stockbridge.hub;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The outbox of pending pushes: one pending row per (inferior connection, product, kind). It is written in the
 * transaction that changed the hub, so a change can never be committed without its push being due.
 */
@Repository
public class OutboxStore {

    public static final String STOCK = "stock";
    public static final String PRICE = "price";

    private final NamedParameterJdbcTemplate jdbc;

    public OutboxStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks the products as due for every enabled connection that is inferior for this kind and linked to them. */
    public int enqueue(Collection<Long> productIds, String kind, Instant now) {
        String roleColumn = STOCK.equals(kind) ? "stock_role" : "prices_role";
        int added = jdbc.update("INSERT INTO outbox (connection_id, product_id, kind, state, created_at, attempts, next_attempt_at) "
                + "SELECT l.connection_id, l.product_id, :kind, 'pending', :now, 0, :now "
                + "FROM UNNEST(:ids) k(id) JOIN link l ON l.product_id = k.id JOIN connection c ON c.id = l.connection_id "
                + "WHERE c.enabled = TRUE AND c." + roleColumn + " = 'inferior' "
                + "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.connection_id = l.connection_id "
                + "AND o.product_id = l.product_id AND o.kind = :kind AND o.state = 'pending')",
                new MapSqlParameterSource("ids", KeyArray.ofIds(productIds)).addValue("kind", kind).addValue("now", Timestamp.from(now)));
        return added;
    }

    /** Pending entries of one connection (used by operators and tests until hub-to-shop drains them). */
    public List<String> pendingSkus(String connection, String kind) {
        return jdbc.queryForList("SELECT p.sku FROM outbox o JOIN product p ON p.id = o.product_id "
                + "WHERE o.connection_id = :c AND o.kind = :k AND o.state = 'pending' ORDER BY p.sku",
                new MapSqlParameterSource("c", connection).addValue("k", kind), String.class);
    }
}
