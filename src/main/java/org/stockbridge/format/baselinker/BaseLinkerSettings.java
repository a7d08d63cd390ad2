package org.stockbridge.format.baselinker;

import java.util.List;

import org.stockbridge.format.CommonSettings;
import org.stockbridge.format.FormatSetting;
import org.stockbridge.format.RateLimit;
import org.stockbridge.format.SettingRule;
import org.stockbridge.format.ShopConnection;

/** What a BaseLinker connection configures. */
final class BaseLinkerSettings {

    static final String TOKEN = "token";
    static final String INVENTORY_ID = "inventoryId";
    static final String WAREHOUSE_ID = "warehouseId";
    static final String PRICE_GROUP_ID = "priceGroupId";
    static final String REQUESTS_PER_MINUTE = "requestsPerMinute";

    /** updateInventoryProductsStock and updateInventoryProductsPrices take at most 1000 products. */
    static final int MAX_BATCH = 1000;

    /** BaseLinker's limit per token; going over it blocks the token for a while (ERROR_BLOCKED_TOKEN). */
    static final int API_REQUESTS_PER_MINUTE = 100;

    static final List<FormatSetting> SETTINGS = List.of(
            FormatSetting.url(CommonSettings.BASE_URL).withDefault("https://api.baselinker.com/connector.php")
                    .withRule(SettingRule.httpsOrLocal())
                    .describedAs("The API endpoint every call is POSTed to; change it only for a "
                            + "BaseLinker-compatible API or a test stand-in."),
            FormatSetting.text(TOKEN).asRequired().asSecret()
                    .describedAs("API token from Account & other → My account → API; sent in the X-BLToken header."),
            FormatSetting.integer(INVENTORY_ID).asRequired().withRule(SettingRule.atLeast(1))
                    .describedAs("The catalog (inventory) id, from getInventories."),
            FormatSetting.text(WAREHOUSE_ID).asRequired()
                    .withRule(SettingRule.matching("(bl|shop|warehouse)_[0-9]+", "bl_206"))
                    .describedAs("The warehouse whose stock the hub sets, from getInventoryWarehouses. BaseLinker "
                            + "refuses stock for the warehouses it keeps for shops and wholesalers itself."),
            FormatSetting.integer(PRICE_GROUP_ID).withRule(SettingRule.atLeast(1))
                    .describedAs("The price group the hub's prices go to, from getInventoryPriceGroups; needed "
                            + "only when the connection receives prices."),
            CommonSettings.batchSize(MAX_BATCH, "BaseLinker takes at most 1000 products per call."),
            CommonSettings.rate(REQUESTS_PER_MINUTE, API_REQUESTS_PER_MINUTE, API_REQUESTS_PER_MINUTE,
                    "Requests per minute. BaseLinker allows 100 per token; lower it when other tools use the "
                            + "same token, since the limit is shared and going over it blocks the token."));

    private BaseLinkerSettings() {
    }

    static RateLimit rateLimit(ShopConnection connection) {
        return RateLimit.perMinute(connection.integer(REQUESTS_PER_MINUTE));
    }
}
