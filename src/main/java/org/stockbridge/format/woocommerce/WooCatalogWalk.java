package org.stockbridge.format.woocommerce;

import java.util.Arrays;
import java.util.List;

/**
 * Where a walk over a WooCommerce shop's whole product list stands, kept as the pages' cursor. Variations are not
 * in {@code /products}: after each page of products the walk lists the variations of that page's variable products
 * ({@code /products/{parent}/variations}, page by page), then goes on with the next page of products.
 *
 * @param parents       variable products whose variations are still to be listed, the current one first
 * @param variationPage the page of the current parent's variations to read next (0 while reading products)
 * @param productsPage  the page of products to read after them; 0 when the products are all read
 */
record WooCatalogWalk(List<String> parents, int variationPage, int productsPage) {

    private static final String PRODUCTS = "products";
    private static final String VARIATIONS = "variations";

    WooCatalogWalk {
        parents = List.copyOf(parents);
    }

    static WooCatalogWalk products(int page) {
        return new WooCatalogWalk(List.of(), 0, page);
    }

    /** The variations of {@code parents} first (none: straight on), then products page {@code thenPage} (0: none). */
    static WooCatalogWalk variationsOf(List<String> parents, int thenPage) {
        return parents.isEmpty() ? products(thenPage) : new WooCatalogWalk(parents, 1, thenPage);
    }

    boolean inVariations() {
        return !parents.isEmpty();
    }

    String parent() {
        return parents.get(0);
    }

    WooCatalogWalk nextVariationPage() {
        return new WooCatalogWalk(parents, variationPage + 1, productsPage);
    }

    /** The current parent's variations are all read. */
    WooCatalogWalk nextParent() {
        return variationsOf(parents.subList(1, parents.size()), productsPage);
    }

    /** Nothing left to read. */
    boolean done() {
        return !inVariations() && productsPage == 0;
    }

    String text() {
        return inVariations() ? VARIATIONS + ":" + String.join(",", parents) + ":" + variationPage + ":" + productsPage
                : PRODUCTS + ":" + productsPage;
    }

    static WooCatalogWalk parse(String text) {
        String[] parts = text.split(":", -1);
        try {
            if (parts.length == 2 && parts[0].equals(PRODUCTS)) {
                return products(Integer.parseInt(parts[1]));
            }
            if (parts.length == 4 && parts[0].equals(VARIATIONS) && !parts[1].isEmpty()) {
                return new WooCatalogWalk(Arrays.asList(parts[1].split(",")), Integer.parseInt(parts[2]),
                        Integer.parseInt(parts[3]));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("not a WooCommerce product-list cursor: " + text);
    }
}
