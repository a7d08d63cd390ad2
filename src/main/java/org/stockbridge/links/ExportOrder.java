package org.stockbridge.links;

import java.util.List;

/**
 * What products-to-shop is asked to export: these SKUs, or (empty) the first {@code limit} hub products not linked
 * to the shop, by SKU.
 */
public record ExportOrder(List<String> skus, int limit) {

    public ExportOrder {
        skus = skus == null ? List.of() : List.copyOf(skus);
    }
}
