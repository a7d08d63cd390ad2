package org.stockbridge.format.magento;

import java.util.List;

import org.stockbridge.format.CommonSettings;
import org.stockbridge.format.FormatSetting;
import org.stockbridge.format.RateLimit;
import org.stockbridge.format.SettingRule;
import org.stockbridge.format.ShopConnection;

/** What a Magento connection configures. */
final class MagentoSettings {

    static final String ACCESS_TOKEN = "accessToken";
    static final String SOURCE_CODE = "sourceCode";
    static final String STORE_ID = "storeId";
    static final String REQUESTS_PER_SECOND = "requestsPerSecond";

    static final List<FormatSetting> SETTINGS = List.of(
            FormatSetting.url(CommonSettings.BASE_URL).asRequired().withRule(SettingRule.httpsOrLocal())
                    .describedAs("The shop's address, such as https://shop.example.com; the REST paths /rest/V1/… "
                            + "are added to it."),
            FormatSetting.text(ACCESS_TOKEN).asRequired().asSecret()
                    .describedAs("Access token of an integration (System → Extensions → Integrations) allowed "
                            + "Catalog → Inventory → Products and Stores → Inventory → Sources; sent as a Bearer "
                            + "token. Magento 2.4.4+ accepts it only with 'Allow OAuth Access Tokens to be used as "
                            + "standalone Bearer tokens' turned on."),
            FormatSetting.text(SOURCE_CODE).withDefault("default")
                    .describedAs("The inventory source (MSI) whose quantity the hub sets; 'default' is the source "
                            + "of a single-source shop."),
            FormatSetting.integer(STORE_ID).withDefault(0).withRule(SettingRule.atLeast(0))
                    .describedAs("The store view the base prices are set for; 0 is the global (admin) scope, which "
                            + "is where prices live unless the shop sets its price scope to website."),
            CommonSettings.batchSize(100, 1000, "Magento sets no maximum, but saves a whole batch within one web "
                    + "request; 100 keeps that well inside PHP's time limit."),
            CommonSettings.rate(REQUESTS_PER_SECOND, 2, 50,
                    "Requests per second. Magento itself sets no limit on the admin REST API; hosting (Adobe "
                            + "Commerce Cloud's Fastly, a WAF) often does, so the default stays low."));

    private MagentoSettings() {
    }

    static RateLimit rateLimit(ShopConnection connection) {
        return RateLimit.perSecond(connection.integer(REQUESTS_PER_SECOND));
    }
}
