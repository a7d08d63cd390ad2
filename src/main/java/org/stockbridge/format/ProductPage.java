package org.stockbridge.format;

import java.util.List;

/**
 * One page of the shop's product list.
 *
 * @param last   true when no later page exists; the caller stops asking
 * @param cursor where the next page starts, for APIs that page by cursor rather than by number (Shopify's GraphQL
 *               {@code endCursor}); null for numbered pages and on the last page
 */
public record ProductPage(int page, List<ShopProduct> products, boolean last, String cursor) {

    public ProductPage {
        products = List.copyOf(products);
    }

    /** A numbered page. */
    public ProductPage(int page, List<ShopProduct> products, boolean last) {
        this(page, products, last, null);
    }

    public int nextPage() {
        if (last) {
            throw new IllegalStateException("page " + page + " is the last page");
        }
        return page + 1;
    }
}
