package org.stockbridge.hub;

import java.util.Locale;

public enum ConnectionType {
    SHOP, WHOLESALER, ERP, SUPPLIER;

    public static ConnectionType parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("connection type '" + value + "' is not one of shop, wholesaler, erp, supplier");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
