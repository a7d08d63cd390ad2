package org.stockbridge.hub;

import java.math.BigDecimal;

/**
 * One product as a superior connection (wholesaler feed, ERP, superior shop) reports it. {@code key} is the value
 * the connection identifies it by (its SKU or EAN, see {@link ProductKey}); stock and price are null when the
 * connection does not send them; {@code origin} says where it came from ({@code acme.csv line 12}).
 */
public record IncomingProduct(
        String key,
        String sku,
        String ean,
        String name,
        Integer stock,
        BigDecimal price,
        String warehouse,
        String origin) {
}
