package org.stockbridge.format.shopify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.stockbridge.format.FormatJson;
import org.stockbridge.format.ShopConnection;
import org.stockbridge.format.ShopRequest;

/** A Shopify connection as the tests configure it, and reading back what a request carries. */
final class Shopify {

    static final String TOKEN = "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";
    static final String LOCATION = "gid://shopify/Location/64071";

    static final ShopifyFormat FORMAT = new ShopifyFormat();

    private Shopify() {
    }

    static ShopConnection connection() {
        return connection(Map.of());
    }

    static ShopConnection connection(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "baseUrl", "https://stockbridge-demo.myshopify.com",
                "accessToken", TOKEN,
                "locationId", "64071"));
        settings.putAll(extra);
        return FORMAT.connect("shopify-main", settings);
    }

    static JsonNode body(ShopRequest request) {
        return FormatJson.read(request.bodyText()).orElseThrow();
    }

    static JsonNode json(String text) {
        return FormatJson.read(text).orElseThrow();
    }

    static List<String> skus(ShopRequest request) {
        return request.items().stream().map(item -> item.sku()).toList();
    }
}
