package org.stockbridge.hub;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.stockbridge.config.StockbridgeProperties;

/**
 * Writes the warehouses, price groups and connections declared under {@code stockbridge.*} into the hub at
 * start-up, before any route runs. Declarations are added or updated, never deleted: stock, prices and links
 * still refer to a warehouse or connection that was removed from the configuration.
 */
@Component
public class ReferenceDataSeeder implements InitializingBean {

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceDataSeeder.class);

    private final StockbridgeProperties properties;
    private final ReferenceDataStore store;
    private final TransactionTemplate tx;

    public ReferenceDataSeeder(StockbridgeProperties properties, ReferenceDataStore store, TransactionTemplate tx) {
        this.properties = properties;
        this.store = store;
        this.tx = tx;
    }

    @Override
    public void afterPropertiesSet() {
        tx.executeWithoutResult(status -> {
            properties.warehouses().forEach((id, name) -> store.saveWarehouse(new Warehouse(id, name == null ? id : name)));
            properties.priceGroups().forEach((id, g) -> store.savePriceGroup(priceGroup(id, g)));
            properties.connections().forEach((id, c) -> {
                store.saveConnection(connection(id, c));
                if (c.warehouseMap() != null) {
                    c.warehouseMap().forEach((external, warehouse) -> {
                        if (!properties.warehouses().containsKey(warehouse)) {
                            throw new IllegalStateException("stockbridge.connections." + id + ".warehouse-map." + external
                                    + ": unknown warehouse '" + warehouse + "'");
                        }
                        store.mapWarehouse(id, external, warehouse);
                    });
                }
            });
        });
        LOG.info("Hub reference data: {} warehouses, {} price groups, {} connections",
                properties.warehouses().size(), properties.priceGroups().size(), properties.connections().size());
    }

    private static PriceGroup priceGroup(String id, StockbridgeProperties.PriceGroup g) {
        if (g == null || g.currency() == null || !g.currency().matches("[A-Z]{3}")) {
            throw new IllegalStateException("stockbridge.price-groups." + id + ".currency must be an ISO 4217 code such as PLN");
        }
        return new PriceGroup(id, g.name() == null ? id : g.name(), g.currency());
    }

    private Connection connection(String id, StockbridgeProperties.Connection c) {
        try {
            require(c.warehouse() == null || properties.warehouses().containsKey(c.warehouse()),
                    "warehouse: unknown warehouse '" + c.warehouse() + "'");
            require(c.priceGroup() == null || properties.priceGroups().containsKey(c.priceGroup()),
                    "price-group: unknown price group '" + c.priceGroup() + "'");
            return new Connection(id, ConnectionType.parse(c.type() == null ? "" : c.type()),
                    c.name() == null ? id : c.name(), Role.parse(c.stock()), Role.parse(c.prices()),
                    Role.parse(c.products()), Role.parse(c.orders()), c.warehouse(), c.priceGroup(),
                    c.enabled() == null || c.enabled(), ProductMaster.parse(c.productMaster()),
                    MatchField.parseOrder(c.matchBy()), Boolean.TRUE.equals(c.pullWarehouses()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("stockbridge.connections." + id + ": " + e.getMessage(), e);
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
