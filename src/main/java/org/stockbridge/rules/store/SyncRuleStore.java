package org.stockbridge.rules.store;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.stockbridge.rules.SkuSelector;
import org.stockbridge.rules.SyncRule;

/** Sync rules in the hub database. */
@Repository
public class SyncRuleStore {

    private static final TypeReference<List<String>> LIST = new TypeReference<>() {
    };

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final RowMapper<SyncRule> mapper;

    public SyncRuleStore(NamedParameterJdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.mapper = (rs, n) -> new SyncRule(rs.getLong("id"), rs.getString("name"),
                rs.getString("sku_pattern") != null ? SkuSelector.pattern(rs.getString("sku_pattern"))
                        : SkuSelector.skus(list(rs.getString("skus"))),
                list(rs.getString("warehouses")), list(rs.getString("shops")), (Integer) rs.getObject("threshold", Integer.class),
                rs.getInt("sync_rate_percent"), rs.getString("priority_shop"), (Integer) rs.getObject("safety_stock", Integer.class),
                rs.getInt("priority"), rs.getBoolean("enabled"));
    }

    /**
     * Raises the rule set's version, holding its row lock until the transaction ends: called first by every change,
     * so changes run one at a time and each checks the set the previous one left.
     */
    public void changing() {
        jdbc.update("UPDATE sync_rule_version SET version = version + 1 WHERE id = 1", new MapSqlParameterSource());
    }

    /** The rule set's version, raised by every committed change. */
    public long version() {
        return jdbc.queryForObject("SELECT version FROM sync_rule_version WHERE id = 1", new MapSqlParameterSource(), Long.class);
    }

    public List<SyncRule> all() {
        return jdbc.query("SELECT * FROM sync_rule ORDER BY priority, id", mapper);
    }

    public Optional<SyncRule> find(long id) {
        return jdbc.query("SELECT * FROM sync_rule WHERE id = :id", new MapSqlParameterSource("id", id), mapper).stream().findFirst();
    }

    public long insert(SyncRule rule) {
        var keys = new GeneratedKeyHolder();
        jdbc.update("INSERT INTO sync_rule (name, skus, sku_pattern, warehouses, shops, threshold, sync_rate_percent, "
                + "priority_shop, safety_stock, priority, enabled, updated_at) VALUES (:name, :skus, :pattern, :warehouses, "
                + ":shops, :threshold, :rate, :priorityShop, :safety, :priority, :enabled, :now)", params(rule), keys, new String[] {"id"});
        return keys.getKey().longValue();
    }

    public boolean update(long id, SyncRule rule) {
        return jdbc.update("UPDATE sync_rule SET name = :name, skus = :skus, sku_pattern = :pattern, warehouses = :warehouses, "
                + "shops = :shops, threshold = :threshold, sync_rate_percent = :rate, priority_shop = :priorityShop, "
                + "safety_stock = :safety, priority = :priority, enabled = :enabled, updated_at = :now WHERE id = :id",
                params(rule).addValue("id", id)) == 1;
    }

    public boolean delete(long id) {
        return jdbc.update("DELETE FROM sync_rule WHERE id = :id", new MapSqlParameterSource("id", id)) == 1;
    }

    private MapSqlParameterSource params(SyncRule rule) {
        SkuSelector selector = rule.skuSelector();
        return new MapSqlParameterSource("name", rule.name())
                .addValue("skus", selector.usesPattern() ? null : text(selector.skus()))
                .addValue("pattern", selector.usesPattern() ? selector.pattern() : null)
                .addValue("warehouses", text(rule.warehouses()))
                .addValue("shops", text(rule.shops()))
                .addValue("threshold", rule.threshold())
                .addValue("rate", rule.syncRatePercent())
                .addValue("priorityShop", rule.priorityShop())
                .addValue("safety", rule.safetyStock())
                .addValue("priority", rule.priority())
                .addValue("enabled", rule.enabled())
                .addValue("now", Timestamp.from(clock.instant()));
    }

    private String text(List<String> values) {
        try {
            return json.writeValueAsString(values == null ? List.of() : values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> list(String text) {
        try {
            return text == null ? List.of() : json.readValue(text, LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored sync rule list is not JSON: " + text, e);
        }
    }
}
