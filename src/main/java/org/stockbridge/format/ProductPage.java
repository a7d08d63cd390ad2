package org.stockbridge.format;

import java.util.List;

/**
 * One page of the shop's product list.
 *
 * @param last true when no later page exists; the caller stops asking
 */
public record ProductPage(int page, List<ShopProduct> products, boolean last) {

    public ProductPage {
        products = List.copyOf(products);
    }

    public int nextPage() {
        if (last) {
            throw new IllegalStateException("page " + page + " is the last page");
        }
        return page + 1;
    }
}
