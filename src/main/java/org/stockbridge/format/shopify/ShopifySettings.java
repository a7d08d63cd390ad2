package org.stockbridge.format.shopify;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.stockbridge.format.CommonSettings;
import org.stockbridge.format.FormatSetting;
import org.stockbridge.format.RateLimit;
import org.stockbridge.format.SettingRule;
import org.stockbridge.format.ShopConnection;

/** What a Shopify connection configures, and the values built from it. */
final class ShopifySettings {

    static final String ACCESS_TOKEN = "accessToken";
    static final String API_VERSION = "apiVersion";
    static final String LOCATION_ID = "locationId";
    static final String REQUESTS_PER_SECOND = "requestsPerSecond";
    static final String COMPARE_BEFORE_SET = "compareBeforeSet";

    /** The stable version current when this format was written; 2026-04 is the oldest it speaks (below). */
    static final String DEFAULT_API_VERSION = "2026-10";

    /** Shopify caps every array argument of the Admin GraphQL API at 250 elements. */
    static final int MAX_BATCH = 250;

    private static final Pattern VERSION = Pattern.compile("(\\d{4})-(01|04|07|10)");

    static final List<FormatSetting> SETTINGS = List.of(
            FormatSetting.url(CommonSettings.BASE_URL).asRequired().withRule(SettingRule.httpsOrLocal())
                    .describedAs("The shop's admin address, https://{shop}.myshopify.com; the path "
                            + "/admin/api/{apiVersion}/graphql.json is added to it."),
            FormatSetting.text(ACCESS_TOKEN).asRequired().asSecret()
                    .describedAs("Admin API access token (shpat_…) of the shop's app, with the write_inventory "
                            + "and write_products scopes (read_products for linking); sent in the "
                            + "X-Shopify-Access-Token header."),
            FormatSetting.text(LOCATION_ID).asRequired()
                    .withRule(SettingRule.matching("(gid://shopify/Location/)?[0-9]+", "gid://shopify/Location/123 or 123"))
                    .describedAs("The Shopify location whose available quantity the hub sets (Settings → "
                            + "Locations; the number at the end of the location's admin URL)."),
            FormatSetting.text(API_VERSION).withDefault(DEFAULT_API_VERSION)
                    .withRule(new SettingRule("be a stable version 2026-04 or later, such as 2026-10",
                            value -> value instanceof String text && supported(text)))
                    .describedAs("Admin API version. 2026-04 made changeFromQuantity and the @idempotent key "
                            + "mandatory for inventorySetQuantities, which is how this format sets stock, so older "
                            + "versions are refused."),
            FormatSetting.bool(COMPARE_BEFORE_SET).withDefault(true)
                    .describedAs("true: each quantity carries what the hub last sent as changeFromQuantity, and "
                            + "Shopify refuses it (CHANGE_FROM_QUANTITY_STALE, an item for an operator) when the shop "
                            + "shows something else — a sale or an edit in Shopify is not overwritten unseen. false: "
                            + "changeFromQuantity is null and the hub's quantity always wins; for a hub that is the only "
                            + "source of stock and hears of Shopify's sales as orders."),
            CommonSettings.batchSize(MAX_BATCH, "Shopify takes at most 250 elements in any list argument "
                    + "(inventory quantities per call, variants per call)."),
            CommonSettings.rate(REQUESTS_PER_SECOND, 2, 50,
                    "Requests per second. Shopify limits by query cost: 100 points a second on the standard "
                            + "plan (200 Advanced, 1000 Plus); a mutation costs about 10 points, so the default "
                            + "uses a fifth of the standard plan and leaves the rest to the shop's other apps. "
                            + "A THROTTLED answer waits as long as the shop's cost figures say."));

    private ShopifySettings() {
    }

    static RateLimit rateLimit(ShopConnection connection) {
        return RateLimit.perSecond(connection.integer(REQUESTS_PER_SECOND));
    }

    /** {@code /admin/api/2026-10/graphql.json}. */
    static String graphqlPath(ShopConnection connection) {
        return "/admin/api/" + connection.text(API_VERSION) + "/graphql.json";
    }

    static String locationGid(ShopConnection connection) {
        return ShopifyIds.gid("Location", connection.text(LOCATION_ID));
    }

    private static boolean supported(String version) {
        Matcher matcher = VERSION.matcher(version);
        return version.equals("unstable")
                || matcher.matches() && (version.compareTo("2026-04") >= 0);
    }
}
