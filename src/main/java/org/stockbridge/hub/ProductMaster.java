package org.stockbridge.hub;

import java.util.Locale;

/**
 * Who owns product data (name, EAN) for a connection that is superior for products: the connection (an ERP: its
 * data overwrites the hub's), the hub (the connection's product data is ignored), or manual (differences are
 * listed for an operator and applied on request).
 */
public enum ProductMaster {
    CONNECTION, HUB, MANUAL;

    public static ProductMaster parse(String value) {
        if (value == null || value.isBlank()) {
            return HUB;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("product master '" + value + "' is not one of connection, hub, manual");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
