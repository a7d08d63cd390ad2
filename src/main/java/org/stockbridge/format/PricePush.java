package org.stockbridge.format;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The price one shop item must show, already computed for the shop (its price group, rounding) by the rules.
 *
 * @param externalParentId the parent product's shop id for a variation, else null
 */
public record PricePush(String sku, String externalId, String externalParentId, BigDecimal price) implements ShopPush {

    public PricePush {
        ShopPush.requireText(sku, "sku");
        ShopPush.requireText(externalId, "externalId of " + sku);
        Objects.requireNonNull(price, "price of " + sku);
        if (price.signum() < 0) {
            throw new IllegalArgumentException("price of " + sku + " must not be negative, was " + price);
        }
        externalParentId = externalParentId == null || externalParentId.isBlank() ? null : externalParentId;
    }

    public static PricePush of(String sku, String externalId, BigDecimal price) {
        return new PricePush(sku, externalId, null, price);
    }
}
