package org.stockbridge.hub;

public enum ConnectionType {
    SHOP, WHOLESALER, ERP, SUPPLIER;

    public static ConnectionType parse(String value) {
        return EnumText.parse(ConnectionType.class, value, null, "connection type");
    }

    public String id() {
        return EnumText.id(this);
    }
}
