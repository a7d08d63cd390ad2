package org.stockbridge.hub;

/**
 * Who owns product data (name, EAN) for a connection that is superior for products: the connection (an ERP: its
 * data overwrites the hub's), the hub (the connection's product data is ignored), or manual (differences are
 * listed for an operator and applied on request).
 */
public enum ProductMaster {
    CONNECTION, HUB, MANUAL;

    public static ProductMaster parse(String value) {
        return EnumText.parse(ProductMaster.class, value, HUB, "product master");
    }

    public String id() {
        return EnumText.id(this);
    }
}
