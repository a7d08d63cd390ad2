package org.stockbridge.format.woocommerce;

import java.util.Map;

import org.stockbridge.format.ShopConnection;

/** A WooCommerce connection as the tests configure it. */
final class Woo {

    static final String KEY = "ck_4f1c2a9e0b7d43c8a1e6f5b2d9c0e7a4b3f21d80";
    static final String SECRET = "cs_9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b";
    /** base64("ck_…:cs_…"), worked out independently of the code under test. */
    static final String BASIC = "Basic Y2tfNGYxYzJhOWUwYjdkNDNjOGExZTZmNWIyZDljMGU3YTRiM2YyMWQ4MDpjc185YThiN2M2ZDVlNGYzYTJiMWMwZDllOGY3YTZiNWM0ZDNlMmYxYTBi";

    static final WooCommerceFormat FORMAT = new WooCommerceFormat();

    private Woo() {
    }

    static ShopConnection connection() {
        return connection(Map.of());
    }

    static ShopConnection connection(Map<String, String> extra) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of(
                "baseUrl", "https://shop.example.com",
                "consumerKey", KEY,
                "consumerSecret", SECRET));
        settings.putAll(extra);
        return FORMAT.connect("woo-main", settings);
    }
}
