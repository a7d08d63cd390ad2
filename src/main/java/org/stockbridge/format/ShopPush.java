package org.stockbridge.format;

/** A value the hub sends for one shop item; lets formats batch stock and prices with the same code. */
public sealed interface ShopPush permits StockPush, PricePush {

    String sku();

    /** The item's id in the shop (the link's external id). */
    String externalId();

    /** The parent product's id in the shop when the item is a variation; null otherwise. */
    String externalParentId();

    default ShopItem item() {
        return new ShopItem(sku(), externalId());
    }

    static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }
}
