package org.stockbridge.config;

import java.nio.file.Path;
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
     * {@code none} (the default).
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
            Boolean enabled) {
    }
}
