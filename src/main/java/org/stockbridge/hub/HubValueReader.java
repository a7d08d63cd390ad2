package org.stockbridge.hub;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The hub values shops are sent, for many products at once: available stock (on hand − open reservations) per
 * warehouse, and prices of one price group. One query per thousand products, as pushes come in batches.
 */
@Repository
public class HubValueReader {

    private final NamedParameterJdbcTemplate jdbc;
    private final ValueTable<Integer> stock;
    private final ValueTable<BigDecimal> prices;

    public HubValueReader(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.stock = new ValueTable<>(jdbc, "stock", "warehouse_id", "quantity", (rs, c) -> rs.getInt(c));
        this.prices = new ValueTable<>(jdbc, "price", "price_group_id", "amount", (rs, c) -> rs.getBigDecimal(c));
    }

    /** Product id → warehouse → available; a product without stock rows is missing. */
    public Map<Long, Map<String, Integer>> available(Collection<Long> productIds) {
        Map<Long, Map<String, Integer>> available = new HashMap<>();
        stock.read(productIds).forEach((key, quantity) ->
                available.computeIfAbsent(key.productId(), id -> new TreeMap<>()).merge(key.key(), quantity, Integer::sum));
        if (productIds.isEmpty()) {
            return available;
        }
        // one drain's products (at most stockbridge.push.batch): a plain IN list
        jdbc.query("SELECT product_id, warehouse_id, SUM(quantity) FROM reservation WHERE product_id IN (:ids) "
                + "AND released_at IS NULL GROUP BY product_id, warehouse_id",
                new MapSqlParameterSource("ids", List.copyOf(productIds)), rs -> {
                    available.computeIfAbsent(rs.getLong(1), id -> new TreeMap<>())
                            .merge(rs.getString(2), -rs.getInt(3), Integer::sum);
                });
        return available;
    }

    /** Product id → price in the group; a product without a price there is missing. */
    public Map<Long, BigDecimal> prices(Collection<Long> productIds, String priceGroup) {
        Map<Long, BigDecimal> inGroup = new HashMap<>();
        prices.read(productIds).forEach((key, amount) -> {
            if (key.key().equals(priceGroup)) {
                inGroup.put(key.productId(), amount);
            }
        });
        return inGroup;
    }
}
