package org.stockbridge.format.prestashop;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.stockbridge.format.CommonSettings;
import org.stockbridge.format.FormatSetting;
import org.stockbridge.format.RateLimit;
import org.stockbridge.format.SettingRule;
import org.stockbridge.format.ShopConnection;

/** What a PrestaShop connection configures. */
final class PrestaShopSettings {

    static final String WEBSERVICE_KEY = "webserviceKey";
    static final String REQUESTS_PER_SECOND = "requestsPerSecond";

    static final List<FormatSetting> SETTINGS = List.of(
            FormatSetting.url(CommonSettings.BASE_URL).asRequired().withRule(SettingRule.httpsOrLocal())
                    .describedAs("The shop's address, such as https://shop.example.com (PrestaShop in a folder: "
                            + "https://example.com/shop); the webservice path /api/… is added to it."),
            FormatSetting.text(WEBSERVICE_KEY).asRequired().asSecret()
                    .withRule(SettingRule.matching("[A-Za-z0-9]{32}", "32 letters and digits"))
                    .describedAs("Webservice key (Advanced Parameters → Webservice) with the View and Modify permissions on "
                            + "products and stock_availables; sent as the HTTP Basic user name with an empty password."),
            CommonSettings.rate(REQUESTS_PER_SECOND, 3, 20,
                    "Requests per second. PrestaShop takes one product per request and sets no limit of its own; "
                            + "every request runs the shop's full PHP stack, so the default stays modest."));

    private PrestaShopSettings() {
    }

    static RateLimit rateLimit(ShopConnection connection) {
        return RateLimit.perSecond(connection.integer(REQUESTS_PER_SECOND));
    }

    /** {@code Basic base64(key + ":")}: the key is the user name, the password is empty. */
    static String basicAuthorization(ShopConnection connection) {
        String pair = connection.text(WEBSERVICE_KEY) + ":";
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
