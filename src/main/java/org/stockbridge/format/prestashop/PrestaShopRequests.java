package org.stockbridge.format.prestashop;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.stockbridge.format.ShopConnection;
import org.stockbridge.format.ShopOperation;
import org.stockbridge.format.ShopRequest;

/** The webservice's paths and the headers every request to it carries. */
final class PrestaShopRequests {

    static final String API = "/api";
    static final String PRODUCTS = API + "/products";
    static final String STOCK_AVAILABLES = API + "/stock_availables";

    private PrestaShopRequests() {
    }

    static ShopRequest.Builder request(ShopConnection connection, ShopOperation operation) {
        return ShopRequest.builder(connection, operation)
                .secretHeader("Authorization", PrestaShopSettings.basicAuthorization(connection))
                .header("Accept", PrestaShopXml.CONTENT_TYPE);
    }

    /** A value as a query parameter or path segment; brackets and commas of PrestaShop's list syntax included. */
    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
