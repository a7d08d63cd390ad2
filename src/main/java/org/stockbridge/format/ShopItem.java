package org.stockbridge.format;

/** One item a request carries: the hub's SKU and the shop's id for it. */
public record ShopItem(String sku, String externalId) {
}
