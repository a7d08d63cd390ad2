package org.stockbridge.format;

/**
 * A product as the shop lists it, with what linking matches on.
 *
 * @param externalParentId the parent's id when the product is a variation, else null
 * @param ean              null when the shop has none
 */
public record ShopProduct(String externalId, String externalParentId, String sku, String ean, String name) {
}
