package org.stockbridge.format;

/**
 * The absolute quantity one shop item must show. Absolute, never a delta, so a push sent twice (redelivery,
 * retry after an unreadable answer) leaves the shop right.
 *
 * @param externalParentId the parent product's shop id for a variation, else null
 * @param lastSentQuantity what the hub last sent this item successfully, so what it believes the shop shows; null
 *                         when unknown (never sent) or not to be relied on ("sync now"). Formats whose API can
 *                         compare before setting (Shopify's {@code changeFromQuantity}) send it; others ignore it.
 */
public record StockPush(String sku, String externalId, String externalParentId, int quantity, Integer lastSentQuantity)
        implements ShopPush {

    public StockPush {
        ShopPush.requireText(sku, "sku");
        ShopPush.requireText(externalId, "externalId of " + sku);
        externalParentId = externalParentId == null || externalParentId.isBlank() ? null : externalParentId;
    }

    /** A push without a known last-sent quantity. */
    public StockPush(String sku, String externalId, String externalParentId, int quantity) {
        this(sku, externalId, externalParentId, quantity, null);
    }

    /** A simple product (no parent). */
    public static StockPush of(String sku, String externalId, int quantity) {
        return new StockPush(sku, externalId, null, quantity);
    }
}
