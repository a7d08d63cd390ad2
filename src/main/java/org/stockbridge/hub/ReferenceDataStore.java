package org.stockbridge.hub;

import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Warehouses, price groups and connections: small tables read often, written at start-up. */
@Repository
public class ReferenceDataStore {

    private static final RowMapper<Connection> CONNECTION = (rs, n) -> new Connection(
            rs.getString("id"), ConnectionType.parse(rs.getString("type")), rs.getString("name"),
            Role.parse(rs.getString("stock_role")), Role.parse(rs.getString("prices_role")),
            Role.parse(rs.getString("products_role")), Role.parse(rs.getString("orders_role")),
            rs.getString("warehouse_id"), rs.getString("price_group_id"), rs.getBoolean("enabled"),
            ProductMaster.parse(rs.getString("product_master")), MatchField.parseOrder(rs.getString("match_by")),
            rs.getBoolean("pull_warehouses"));

    private final JdbcTemplate jdbc;

    public ReferenceDataStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Warehouse> warehouses() {
        return jdbc.query("SELECT id, name FROM warehouse ORDER BY id",
                (rs, n) -> new Warehouse(rs.getString("id"), rs.getString("name")));
    }

    public boolean warehouseExists(String id) {
        return exists("SELECT COUNT(*) FROM warehouse WHERE id = ?", id);
    }

    public List<PriceGroup> priceGroups() {
        return jdbc.query("SELECT id, name, currency FROM price_group ORDER BY id",
                (rs, n) -> new PriceGroup(rs.getString("id"), rs.getString("name"), rs.getString("currency")));
    }

    public boolean priceGroupExists(String id) {
        return exists("SELECT COUNT(*) FROM price_group WHERE id = ?", id);
    }

    public List<Connection> connections() {
        return jdbc.query("SELECT * FROM connection ORDER BY id", CONNECTION);
    }

    public Optional<Connection> connection(String id) {
        return jdbc.query("SELECT * FROM connection WHERE id = ?", CONNECTION, id).stream().findFirst();
    }

    public void saveWarehouse(Warehouse w) {
        upsert("UPDATE warehouse SET name = ? WHERE id = ?", new Object[] {w.name(), w.id()},
                "INSERT INTO warehouse (name, id) VALUES (?, ?)");
    }

    public void savePriceGroup(PriceGroup g) {
        upsert("UPDATE price_group SET name = ?, currency = ? WHERE id = ?", new Object[] {g.name(), g.currency(), g.id()},
                "INSERT INTO price_group (name, currency, id) VALUES (?, ?, ?)");
    }

    public void saveConnection(Connection c) {
        Object[] args = {c.type().id(), c.name(), c.stock().id(), c.prices().id(), c.products().id(), c.orders().id(),
                c.warehouse(), c.priceGroup(), c.enabled(), c.productMaster().id(), MatchField.format(c.matchBy()),
                c.pullWarehouses(), c.id()};
        upsert("UPDATE connection SET type = ?, name = ?, stock_role = ?, prices_role = ?, products_role = ?, "
                        + "orders_role = ?, warehouse_id = ?, price_group_id = ?, enabled = ?, product_master = ?, "
                        + "match_by = ?, pull_warehouses = ? WHERE id = ?", args,
                "INSERT INTO connection (type, name, stock_role, prices_role, products_role, orders_role, warehouse_id, "
                        + "price_group_id, enabled, product_master, match_by, pull_warehouses, id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    /** A connection's warehouse id mapped to a hub warehouse (e.g. an ERP's MAG1 → erp-krakow). */
    public void mapWarehouse(String connection, String externalId, String warehouse) {
        upsert("UPDATE connection_warehouse SET warehouse_id = ? WHERE connection_id = ? AND external_id = ?",
                new Object[] {warehouse, connection, externalId},
                "INSERT INTO connection_warehouse (warehouse_id, connection_id, external_id) VALUES (?, ?, ?)");
    }

    /** The connection's warehouse map: its ids → hub warehouse ids. */
    public java.util.Map<String, String> warehouseMap(String connection) {
        java.util.Map<String, String> map = new java.util.HashMap<>();
        jdbc.query("SELECT external_id, warehouse_id FROM connection_warehouse WHERE connection_id = ?",
                rs -> {
                    map.put(rs.getString(1), rs.getString(2));
                }, connection);
        return map;
    }

    /** Update, else insert; a second instance inserting the same row at the same moment makes us update instead. */
    private void upsert(String update, Object[] args, String insert) {
        if (jdbc.update(update, args) == 0) {
            try {
                jdbc.update(insert, args);
            } catch (DuplicateKeyException raced) {
                jdbc.update(update, args);
            }
        }
    }

    private boolean exists(String sql, String id) {
        Integer n = jdbc.queryForObject(sql, Integer.class, id);
        return n != null && n > 0;
    }
}
