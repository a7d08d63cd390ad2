package org.stockbridge.format;

import java.util.List;
import java.util.Map;

/** A format with one setting of every kind, for the settings machinery's tests. */
class TestFormat implements ShopFormat {

    @Override
    public String name() {
        return "test";
    }

    @Override
    public List<FormatSetting> settings() {
        return List.of(
                FormatSetting.url("baseUrl").asRequired().withRule(SettingRule.httpsOrLocal()).describedAs("Where the API is."),
                FormatSetting.text("apiKey").asRequired().asSecret().describedAs("The key."),
                FormatSetting.text("warehouse").withRule(SettingRule.matching("bl_[0-9]+", "bl_206")).describedAs("Warehouse."),
                CommonSettings.batchSize(100, "At most 100."),
                FormatSetting.bool("dryRun").withDefault(false).describedAs("Write requests to files."));
    }

    @Override
    public RateLimit rateLimit(ShopConnection connection) {
        return RateLimit.perSecond(1);
    }

    @Override
    public List<ShopRequest> stockRequests(ShopConnection connection, List<StockPush> pushes) {
        return List.of();
    }

    @Override
    public List<ShopRequest> pricesRequests(ShopConnection connection, List<PricePush> pushes) {
        return List.of();
    }

    @Override
    public ItemResults readResponse(ShopRequest request, int status, Map<String, List<String>> headers, String body) {
        return ItemResults.all(request, ItemOutcome.OK, null, java.util.Optional.empty());
    }
}
