package org.stockbridge.format;

/** What a request does; the route names it in sync records and route ids ({@code hub-to-woo-main-stock}). */
public enum ShopOperation {
    STOCK,
    PRICES,
    PRODUCTS
}
