package org.stockbridge.format.magento;

import java.util.HashMap;
import java.util.Map;

import org.stockbridge.format.ShopConnection;

/** A Magento connection as the tests configure it. */
final class Magento {

    static final String TOKEN = "kq7m2x9v4b1n8c3z6l5j0h2g7f4d9s1a";

    static final MagentoFormat FORMAT = new MagentoFormat();

    private Magento() {
    }

    static ShopConnection connection() {
        return connection(Map.of());
    }

    static ShopConnection connection(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of("baseUrl", "https://shop.example.com", "accessToken", TOKEN));
        settings.putAll(extra);
        return FORMAT.connect("magento-main", settings);
    }
}
