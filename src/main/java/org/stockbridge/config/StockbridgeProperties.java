package org.stockbridge.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Everything under {@code stockbridge.*}: folders, the admin login, and the reference data (warehouses, price
 * groups, connections) the hub is seeded with at start-up.
 */
@ConfigurationProperties("stockbridge")
public record StockbridgeProperties(
        Path dataDir,
        Path dropDir,
        Path routesDir,
        Path mappingsDir,
        Admin admin,
        Map<String, String> warehouses,
        Map<String, PriceGroup> priceGroups,
        Map<String, Connection> connections) {

    public StockbridgeProperties {
        admin = admin == null ? new Admin("admin", "") : admin;
        warehouses = warehouses == null ? Map.of() : new LinkedHashMap<>(warehouses);
        priceGroups = priceGroups == null ? Map.of() : new LinkedHashMap<>(priceGroups);
        connections = connections == null ? Map.of() : new LinkedHashMap<>(connections);
    }

    /** The one operator login used whenever login is required (see SecurityConfig). */
    public record Admin(String username, String password) {
        @Override
        public String toString() {
            return "Admin[username=" + username + ", password=****]";
        }
    }

    public record PriceGroup(String name, String currency) {
    }

    /**
     * A connection as declared in configuration. Roles per data kind: {@code superior}, {@code inferior} or
     * {@code none} (the default). For a superior connection: {@code productMaster} connection|hub|manual (default
     * hub), {@code matchBy} e.g. {@code sku,ean,name} (the default order), {@code pullWarehouses} (create hub
     * warehouses for ids the connection reports that are not mapped), {@code warehouseMap} its ids → hub warehouses.
     * For an inferior shop: {@code priceMultiplier} (default 1) and {@code priceRounding} ({@code none} default,
     * {@code cents}, {@code .99}, {@code whole}) make its price from the price group; {@code reconcileInterval}
     * (default: none) how often its values are re-read and drift corrected.
     */
    public record Connection(
            String type,
            String name,
            String stock,
            String prices,
            String products,
            String orders,
            String warehouse,
            String priceGroup,
            Boolean enabled,
            String productMaster,
            String matchBy,
            Boolean pullWarehouses,
            Map<String, String> warehouseMap,
            String format,
            Map<String, String> settings,
            Boolean dryRun,
            String priceMultiplier,
            String priceRounding,
            Duration reconcileInterval) {

        /** Settings hold credentials: never print them. */
        @Override
        public String toString() {
            return "Connection[type=" + type + ", name=" + name + ", format=" + format + ", dryRun=" + dryRun
                    + ", settings=" + (settings == null ? "{}" : settings.keySet()) + "]";
        }
    }
}
