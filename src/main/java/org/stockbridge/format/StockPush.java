package org.stockbridge.format;

/**
 * The absolute quantity one shop item must show. Absolute, never a delta, so a push sent twice (redelivery,
 * retry after an unreadable answer) leaves the shop right.
 *
 * @param externalParentId the parent product's shop id for a variation, else null
 */
public record StockPush(String sku, String externalId, String externalParentId, int quantity) implements ShopPush {

    public StockPush {
        ShopPush.requireText(sku, "sku");
        ShopPush.requireText(externalId, "externalId of " + sku);
        externalParentId = externalParentId == null || externalParentId.isBlank() ? null : externalParentId;
    }

    /** A simple product (no parent). */
    public static StockPush of(String sku, String externalId, int quantity) {
        return new StockPush(sku, externalId, null, quantity);
    }
}
