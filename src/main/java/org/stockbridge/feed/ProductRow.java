package org.stockbridge.feed;

import java.math.BigDecimal;

/**
 * A feed record read and converted by the mapping.
 *
 * @param key        the SKU or EAN, per {@link FeedMapping#key()}; never blank
 * @param sku        the SKU, or null if not mapped / empty
 * @param ean        the EAN, or null if not mapped / empty
 * @param name       the product name, or null if not mapped / empty
 * @param stock      on-hand quantity (≥ 0), or null when the feed carries no stock
 * @param grossPrice the hub's gross price after VAT and the price formula (scale 2), or null when the feed has no price
 * @param warehouse  the hub warehouse the stock belongs to: the row's {@code warehouse} field, else the mapping's;
 *                   null when the feed carries no stock
 */
public record ProductRow(
        String fileName,
        long line,
        long ordinal,
        String key,
        String sku,
        String ean,
        String name,
        Integer stock,
        BigDecimal grossPrice,
        String warehouse) implements FeedRow {
}
