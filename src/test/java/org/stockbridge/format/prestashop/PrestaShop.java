package org.stockbridge.format.prestashop;

import java.util.HashMap;
import java.util.Map;

import org.stockbridge.format.ShopConnection;

/** A PrestaShop connection as the tests configure it. */
final class PrestaShop {

    static final String KEY = "ZR92FNY5UFRERNI3O9Z5QDHWKTP3YIIT";
    /** base64("ZR92FNY5UFRERNI3O9Z5QDHWKTP3YIIT:"), worked out independently of the code under test. */
    static final String BASIC = "Basic WlI5MkZOWTVVRlJFUk5JM085WjVRREhXS1RQM1lJSVQ6";

    static final PrestaShopFormat FORMAT = new PrestaShopFormat();

    private PrestaShop() {
    }

    static ShopConnection connection() {
        return connection(Map.of());
    }

    static ShopConnection connection(Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(Map.of("baseUrl", "https://shop.example.com", "webserviceKey", KEY));
        settings.putAll(extra);
        return FORMAT.connect("presta-main", settings);
    }
}
