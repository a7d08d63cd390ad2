package org.stockbridge.hub;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Stock held by open orders. */
@Repository
public class ReservationStore {

    private final NamedParameterJdbcTemplate jdbc;

    public ReservationStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Integer> openByWarehouse(long productId) {
        Map<String, Integer> reserved = new TreeMap<>();
        jdbc.query("SELECT warehouse_id, SUM(quantity) FROM reservation WHERE product_id = :p AND released_at IS NULL "
                + "GROUP BY warehouse_id", Map.of("p", productId), rs -> {
                    reserved.put(rs.getString(1), rs.getInt(2));
                });
        return reserved;
    }
}
