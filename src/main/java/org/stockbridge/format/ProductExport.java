package org.stockbridge.format;

import java.util.List;
import java.util.Map;

/**
 * The part of a format that creates products in the shop (route {@code <connection>-products-to-shop}), so hub
 * products a shop lacks can be exported and then linked to the ids the shop gave them. Optional, like
 * {@link ProductCatalog}: a format implements it next to {@link ShopFormat} when its API can create products.
 */
public interface ProductExport {

    /**
     * Requests that create these products, within the format's batch limit. Each request's
     * {@link ShopRequest#items()} are the products it creates ({@link NewProduct#item()}: SKU, no shop id).
     */
    List<ShopRequest> createRequests(ShopConnection connection, List<NewProduct> products);

    /**
     * One result per item of {@code request}: ok with the item's {@link ShopItem#externalId()} set to the id the
     * shop created it under; failed (the shop refused it, e.g. a duplicate SKU); or retryable (the shop could not
     * take it now, or the answer does not say whether it was created). Never throws for an unreadable answer.
     */
    ItemResults readCreated(ShopRequest request, int status, Map<String, List<String>> headers, String body);
}
