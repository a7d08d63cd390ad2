package org.stockbridge.format;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The part of a format that reads the shop's own product list, so the hub can link its products to the shop's
 * ids by SKU or EAN (bulk linking) or look one SKU up when a link is missing. Optional: a format implements it
 * next to {@link ShopFormat} when its API can list products.
 */
public interface ProductCatalog {

    /**
     * The request for one page of the shop's products; pages count from 1. A catalog that pages by cursor answers
     * only page 1 here: walk on with {@link #nextPageRequest}.
     */
    ShopRequest productPageRequest(ShopConnection connection, int page);

    /**
     * The request for the page after {@code previous} (which must not be the last). Numbered catalogs ask for the
     * next number; cursor-paged ones (Shopify) continue from {@link ProductPage#cursor()}. Callers walking the whole
     * list use this rather than counting pages themselves.
     */
    default ShopRequest nextPageRequest(ShopConnection connection, ProductPage previous) {
        return productPageRequest(connection, previous.nextPage());
    }

    /**
     * Whether the listed products carry the stock and price the shop shows ({@link ShopProduct#stock()},
     * {@link ShopProduct#price()}), so reconciliation can compare them; a list that only names products (for
     * linking) makes reconciliation a full push instead of a walk that compares nothing.
     */
    default boolean showsValues(ShopConnection connection) {
        return false;
    }

    /**
     * The requests that read the values of a listed page's products where the list shows only some of them
     * (Magento lists prices with its products and their quantities per source apart), each answered like a page by
     * {@link #readProducts(ShopConnection, ShopRequest, int, Map, String)}; none when the page shows them all.
     * Reconciliation sends them after each list page; linking, which needs no values, does not.
     */
    default List<ShopRequest> valuesRequests(ShopConnection connection, ProductPage listed) {
        return List.of();
    }

    /**
     * The external ids a link to this listed product may have: its own, and for a format whose ids carry more than
     * the product (PrestaShop's {@code 42:118}, product and stock row) the shorter form a link made by hand has.
     */
    default List<String> linkIds(ShopProduct product) {
        return List.of(product.externalId());
    }

    /** The request that finds the shop's product(s) with exactly this SKU; answered like a page. */
    ShopRequest productBySkuRequest(ShopConnection connection, String sku);

    /**
     * One page of products from the answer to {@link #productPageRequest} or {@link #productBySkuRequest}.
     *
     * @throws ShopAnswerException when the shop refused the request or the answer cannot be read; it says
     *                             whether asking again may help
     */
    ProductPage readProducts(ShopRequest request, int status, Map<String, List<String>> headers, String body);

    /**
     * Like {@link #readProducts(ShopRequest, int, Map, String)}, for a list whose answer shows more than the
     * connection's own values (BaseLinker: the stock of every warehouse, the price of every price group): the
     * connection's settings pick the stock and price the hub sends to. Reconciliation and the catalog read call
     * this one.
     */
    default ProductPage readProducts(ShopConnection connection, ShopRequest request, int status,
            Map<String, List<String>> headers, String body) {
        return readProducts(request, status, headers, body);
    }
}
