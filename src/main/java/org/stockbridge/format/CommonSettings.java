package org.stockbridge.format;

/**
 * Settings every shop format has, declared once so they read the same in every format's table: where the API
 * is, how many items go into one request, and how fast requests may go (the route throttles to it).
 */
public final class CommonSettings {

    public static final String BASE_URL = "baseUrl";
    public static final String BATCH_SIZE = "batchSize";

    private CommonSettings() {
    }

    /** Items per request, at most {@code apiMaximum} (what the shop's API accepts), that maximum by default. */
    public static FormatSetting batchSize(int apiMaximum, String why) {
        return batchSize(apiMaximum, apiMaximum, why);
    }

    /**
     * Items per request, {@code safeDefault} by default and at most {@code ceiling}: for an API that documents no
     * maximum, where one request's items are saved while the shop's web request runs and a huge batch risks its timeout.
     */
    public static FormatSetting batchSize(int safeDefault, int ceiling, String why) {
        return FormatSetting.integer(BATCH_SIZE).withDefault(safeDefault)
                .withRule(SettingRule.between(1, ceiling))
                .describedAs("Items per request. " + why);
    }

    /** A rate setting ({@code requestsPerSecond}, {@code requestsPerMinute}) with a safe default and ceiling. */
    public static FormatSetting rate(String name, int safeDefault, int ceiling, String why) {
        return FormatSetting.integer(name).withDefault(safeDefault)
                .withRule(SettingRule.between(1, ceiling))
                .describedAs(why);
    }

    public static int batchSize(ShopConnection connection) {
        return Math.toIntExact(connection.integer(BATCH_SIZE));
    }
}
