package org.stockbridge.format.magento;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.stockbridge.format.ShopConnection;
import org.stockbridge.format.ShopOperation;
import org.stockbridge.format.ShopRequest;

/** The paths of Magento's REST API and the headers every request to it carries. */
final class MagentoRequests {

    static final String API = "/rest/V1";
    static final String SOURCE_ITEMS = API + "/inventory/source-items";
    static final String BASE_PRICES = API + "/products/base-prices";
    static final String PRODUCTS = API + "/products";
    static final String JSON = "application/json";

    private MagentoRequests() {
    }

    static ShopRequest.Builder request(ShopConnection connection, ShopOperation operation) {
        return ShopRequest.builder(connection, operation)
                .secretHeader("Authorization", "Bearer " + connection.text(MagentoSettings.ACCESS_TOKEN))
                .header("Accept", JSON);
    }

    /** A value in a query string, percent-encoded ({@code +} for a space is what a query expects). */
    static String queryValue(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * A SKU as one path segment: percent-encoded, a space as {@code %20} (URLEncoder's {@code +} would be a literal
     * plus in a path). A SKU with a slash stays a problem on shops whose web server decodes {@code %2F} before
     * Magento routes the request; the product list finds such products by page instead.
     */
    static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
