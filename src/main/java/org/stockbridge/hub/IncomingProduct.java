package org.stockbridge.hub;

import java.math.BigDecimal;

/**
 * One product as a superior connection (wholesaler feed, ERP, superior shop) reports it. {@code key} is the value
 * the connection identifies it by (its SKU or EAN, see {@link ProductKey}); stock and price are null when the
 * connection does not send them; {@code origin} says where it came from ({@code acme.csv line 12}).
 * <p>
 * {@code linkedProduct}: the id of the hub product the connection's link for this key named when the feed read
 * the hub's values ({@link LinkedValues#productOf}), or null. The row is then matched to that product without
 * looking the link up again; the feed's changed rows are its whole database work, and that lookup was the largest
 * part of it (docs/benchmarks.md). A link changed while the feed runs is treated as the feed's unchanged rows are:
 * as of the moment the values were read.
 */
public record IncomingProduct(
        String key,
        String sku,
        String ean,
        String name,
        Integer stock,
        BigDecimal price,
        String warehouse,
        String origin,
        Long linkedProduct) {

    /** A product whose link, if any, is looked up by its key. */
    public IncomingProduct(String key, String sku, String ean, String name, Integer stock, BigDecimal price,
            String warehouse, String origin) {
        this(key, sku, ean, name, stock, price, warehouse, origin, null);
    }
}
