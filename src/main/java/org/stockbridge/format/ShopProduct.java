package org.stockbridge.format;

import java.math.BigDecimal;

/**
 * A product as the shop lists it, with what linking matches on and, where the shop's list shows them, the stock
 * and price it shows now (what reconciliation compares with the hub).
 *
 * @param externalParentId the parent's id when the product is a variation, else null
 * @param ean              null when the shop has none
 * @param stock            the quantity the shop shows; null when the list does not say (or the shop does not
 *                         track the product's stock)
 * @param price            the price the shop shows; null when the list does not say
 */
public record ShopProduct(String externalId, String externalParentId, String sku, String ean, String name,
        Integer stock, BigDecimal price) {

    /** A listed product whose stock and price the list does not show. */
    public ShopProduct(String externalId, String externalParentId, String sku, String ean, String name) {
        this(externalId, externalParentId, sku, ean, name, null, null);
    }
}
