package org.stockbridge.hub;

/**
 * One requested change of on-hand stock: either an absolute quantity ({@link #set}) or a difference
 * ({@link #adjust}, used for reservations released into stock, returns, delta feeds). {@code reason} ends up in
 * the sync record: a file and line, an order, a user.
 */
public record StockChange(String sku, String warehouse, int quantity, boolean delta, String reason) {

    public static StockChange set(String sku, String warehouse, int quantity, String reason) {
        return new StockChange(sku, warehouse, quantity, false, reason);
    }

    public static StockChange adjust(String sku, String warehouse, int difference, String reason) {
        return new StockChange(sku, warehouse, difference, true, reason);
    }
}
