package org.stockbridge.format;

/**
 * A hub product to be created in a shop that lacks it (products-to-shop): what identifies it there. Stock and
 * prices are not part of it: once the created product is linked, the hub-to-shop route sends them like any other
 * change, through the shop's sync rules and price policy.
 *
 * @param ean  null when the hub has none
 * @param name null when the hub has none; formats that need a name use the SKU
 */
public record NewProduct(String sku, String ean, String name) {

    public NewProduct {
        ShopPush.requireText(sku, "sku");
    }

    /** The name the shop shows: the hub's name, or the SKU for a product without one. */
    public String displayName() {
        return name == null || name.isBlank() ? sku : name;
    }

    /** The item a create request carries: the hub SKU, no shop id yet. */
    public ShopItem item() {
        return new ShopItem(sku, null);
    }
}
