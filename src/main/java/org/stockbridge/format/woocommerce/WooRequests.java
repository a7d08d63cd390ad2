package org.stockbridge.format.woocommerce;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.stockbridge.format.ShopConnection;
import org.stockbridge.format.ShopOperation;
import org.stockbridge.format.ShopRequest;

/** The paths of the WooCommerce REST API v3 and the headers every request to it carries. */
final class WooRequests {

    static final String API = "/wp-json/wc/v3";
    static final String PRODUCTS = API + "/products";
    static final String PRODUCTS_BATCH = PRODUCTS + "/batch";
    static final String JSON = "application/json";

    private WooRequests() {
    }

    static String variationsBatch(String parentId) {
        return PRODUCTS + "/" + encode(parentId) + "/variations/batch";
    }

    static ShopRequest.Builder request(ShopConnection connection, ShopOperation operation) {
        return ShopRequest.builder(connection, operation)
                .secretHeader("Authorization", WooCommerceSettings.basicAuthorization(connection))
                .header("Accept", JSON);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
