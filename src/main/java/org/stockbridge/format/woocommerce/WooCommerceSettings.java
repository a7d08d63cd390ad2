package org.stockbridge.format.woocommerce;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.stockbridge.format.CommonSettings;
import org.stockbridge.format.FormatSetting;
import org.stockbridge.format.RateLimit;
import org.stockbridge.format.SettingRule;
import org.stockbridge.format.ShopConnection;

/** What a WooCommerce connection configures, and the values built from it. */
final class WooCommerceSettings {

    static final String CONSUMER_KEY = "consumerKey";
    static final String CONSUMER_SECRET = "consumerSecret";
    static final String REQUESTS_PER_SECOND = "requestsPerSecond";

    /** WooCommerce answers more than 100 objects in one batch with 413 unless the shop raised its filter. */
    static final int MAX_BATCH = 100;

    static final List<FormatSetting> SETTINGS = List.of(
            FormatSetting.url(CommonSettings.BASE_URL).asRequired().withRule(SettingRule.httpsOrLocal())
                    .describedAs("The shop's address, such as https://shop.example.com (WordPress in a folder: "
                            + "https://example.com/shop). The API paths /wp-json/wc/v3/… are added to it."),
            FormatSetting.text(CONSUMER_KEY).asRequired().asSecret()
                    .describedAs("REST API consumer key (ck_…), from WooCommerce → Settings → Advanced → REST API, "
                            + "with Read/Write permission."),
            FormatSetting.text(CONSUMER_SECRET).asRequired().asSecret()
                    .describedAs("The consumer secret (cs_…) of that key. Sent with HTTP Basic authentication, "
                            + "which WooCommerce accepts over HTTPS only."),
            CommonSettings.batchSize(MAX_BATCH, "WooCommerce's batch endpoints take at most 100 objects."),
            CommonSettings.rate(REQUESTS_PER_SECOND, 2, 50,
                    "Requests per second. WooCommerce itself sets no limit for the REST API; each batch request "
                            + "saves up to 100 products on the shop's own server, so the default stays below the "
                            + "25 requests per 10 seconds WooCommerce uses when a shop turns on its Store API limit."));

    private WooCommerceSettings() {
    }

    static RateLimit rateLimit(ShopConnection connection) {
        return RateLimit.perSecond(connection.integer(REQUESTS_PER_SECOND));
    }

    /** {@code Basic base64(key:secret)}, as WooCommerce documents for HTTPS. */
    static String basicAuthorization(ShopConnection connection) {
        String pair = connection.text(CONSUMER_KEY) + ":" + connection.text(CONSUMER_SECRET);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
