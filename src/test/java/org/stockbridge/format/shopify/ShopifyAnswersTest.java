package org.stockbridge.format.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.stockbridge.format.ItemOutcome;
import org.stockbridge.format.ItemResult;
import org.stockbridge.format.ItemResults;
import org.stockbridge.format.PricePush;
import org.stockbridge.format.ShopRequest;
import org.stockbridge.format.StockPush;

/** Answers shaped as shopify.dev documents them (mutation payloads, userErrors, extensions.cost, THROTTLED). */
class ShopifyAnswersTest {

    private static final String COST = """
            "extensions": {"cost": {"requestedQueryCost": 10, "actualQueryCost": 10,
              "throttleStatus": {"maximumAvailable": 2000.0, "currentlyAvailable": 1990, "restoreRate": 100.0}}}""";

    private static ShopRequest stock(int count) {
        return Shopify.FORMAT.stockRequests(Shopify.connection(), java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> StockPush.of("SKU-" + i, "7513594/" + (40001 + i) + "/" + (41001 + i), i)).toList()).get(0);
    }

    private static ShopRequest prices() {
        return Shopify.FORMAT.pricesRequests(Shopify.connection(), List.of(
                PricePush.of("MUG-1", "7513594/40001/41001", new BigDecimal("49.90")),
                PricePush.of("MUG-2", "7513594/40002/41002", new BigDecimal("12.00")))).get(0);
    }

    private static ItemResults read(ShopRequest request, int status, Map<String, List<String>> headers, String body) {
        return Shopify.FORMAT.readResponse(request, status, headers, body);
    }

    @Test
    void anAppliedAdjustmentGroupWithoutUserErrorsIsOkForEveryItem() {
        ItemResults results = read(stock(2), 200, Map.of(), """
                {"data": {"inventorySetQuantities": {
                  "inventoryAdjustmentGroup": {"id": "gid://shopify/InventoryAdjustmentGroup/1187"},
                  "userErrors": []}}, %s}""".formatted(COST));

        assertThat(results.allOk()).isTrue();
        assertThat(results.results()).hasSize(2);
        assertThat(results.retryAfter()).isEmpty();
    }

    @Test
    void aStaleChangeFromQuantityFailsThatItemAndTheRestOfTheUnsavedCallIsRetried() {
        ItemResults results = read(stock(3), 200, Map.of(), """
                {"data": {"inventorySetQuantities": {"inventoryAdjustmentGroup": null,
                  "userErrors": [{"code": "CHANGE_FROM_QUANTITY_STALE", "field": ["input", "quantities", "1", "changeFromQuantity"],
                    "message": "The specified compare quantity does not match the current quantity."}]}}, %s}""".formatted(COST));

        assertThat(results.results()).extracting(ItemResult::outcome)
                .containsExactly(ItemOutcome.RETRYABLE, ItemOutcome.FAILED, ItemOutcome.RETRYABLE);
        assertThat(results.failed().get(0).item().sku()).isEqualTo("SKU-1");
        assertThat(results.failed().get(0).reason()).isEqualTo(
                "Shopify CHANGE_FROM_QUANTITY_STALE: The specified compare quantity does not match the current quantity.");
        assertThat(results.retryable().get(0).reason()).startsWith("not saved: Shopify refused the call for another item");
    }

    @Test
    void aUserErrorNamingNoItemFailsTheWholeCall() {
        ItemResults results = read(stock(2), 200, Map.of(), """
                {"data": {"inventorySetQuantities": {"inventoryAdjustmentGroup": null,
                  "userErrors": [{"code": "INVALID_LOCATION", "field": ["input", "locationId"],
                    "message": "The specified location could not be found."}]}}}""");

        assertThat(results.results()).extracting(ItemResult::outcome).containsOnly(ItemOutcome.FAILED);
        assertThat(results.failed().get(1).reason()).contains("INVALID_LOCATION: The specified location could not be found.");
    }

    @Test
    void withPartialUpdatesARefusedPriceFailsAloneAndTheOtherVariantIsOk() {
        ItemResults results = read(prices(), 200, Map.of(), """
                {"data": {"productVariantsBulkUpdate": {
                  "productVariants": [{"id": "gid://shopify/ProductVariant/40001"}],
                  "userErrors": [{"code": "INVALID_INPUT", "field": ["variants", "1", "price"],
                    "message": "Price must be greater than or equal to 0"}]}}}""");

        assertThat(results.results()).extracting(ItemResult::outcome).containsExactly(ItemOutcome.OK, ItemOutcome.FAILED);
        assertThat(results.failed().get(0).reason()).isEqualTo("Shopify INVALID_INPUT: Price must be greater than or equal to 0");
    }

    @Test
    void throttledWaitsUntilTheBucketHoldsWhatTheCallAskedFor() {
        ItemResults results = read(stock(2), 200, Map.of(), """
                {"errors": [{"message": "Throttled", "extensions": {"code": "THROTTLED",
                  "documentation": "https://shopify.dev/api/usage/rate-limits"}}],
                 "extensions": {"cost": {"requestedQueryCost": 502, "actualQueryCost": null,
                  "throttleStatus": {"maximumAvailable": 2000.0, "currentlyAvailable": 2, "restoreRate": 100.0}}}}""");

        assertThat(results.results()).extracting(ItemResult::outcome).containsOnly(ItemOutcome.RETRYABLE);
        assertThat(results.retryAfter()).contains(Duration.ofSeconds(5)); // (502 - 2) / 100 points a second
        assertThat(results.results().get(0).reason()).isEqualTo("Shopify THROTTLED: Throttled");
    }

    @Test
    void theOldThrottledShapeWithoutCodeIsThrottledToo() {
        ItemResults results = read(stock(1), 200, Map.of(), """
                {"errors": [{"message": "Throttled"}], "extensions": {"cost": {"requestedQueryCost": 202,
                 "actualQueryCost": null, "throttleStatus": {"maximumAvailable": 1000.0, "currentlyAvailable": 118, "restoreRate": 50.0}}}}""");

        assertThat(results.results()).extracting(ItemResult::outcome).containsOnly(ItemOutcome.RETRYABLE);
        assertThat(results.retryAfter()).contains(Duration.ofMillis(1680)); // (202 - 118) / 50
    }

    @Test
    void accessDeniedFailsEveryItemAndIsNotRetried() {
        ItemResults results = read(stock(2), 200, Map.of(), """
                {"errors": [{"message": "Access denied for inventorySetQuantities field. Required access: `write_inventory` access scope.",
                  "extensions": {"code": "ACCESS_DENIED"}}]}""");

        assertThat(results.results()).extracting(ItemResult::outcome).containsOnly(ItemOutcome.FAILED);
        assertThat(results.failed().get(0).reason()).startsWith("Shopify ACCESS_DENIED: Access denied");
    }

    @Test
    void http429HonoursRetryAfterAnd5xxIsRetryable() {
        ItemResults limited = read(stock(2), 429, Map.of("retry-after", List.of("3")), "");
        ItemResults down = read(stock(2), 503, Map.of(), "<html>Service unavailable</html>");

        assertThat(limited.results()).extracting(ItemResult::outcome).containsOnly(ItemOutcome.RETRYABLE);
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(3));
        assertThat(down.results()).extracting(ItemResult::outcome).containsOnly(ItemOutcome.RETRYABLE);
        assertThat(down.results().get(0).reason()).startsWith("HTTP 503");
    }

    @Test
    void http401FailsAndAnUnreadableOkIsRetryable() {
        assertThat(read(stock(1), 401, Map.of(), "{\"errors\":\"[API] Invalid API key or access token\"}").results())
                .extracting(ItemResult::outcome).containsOnly(ItemOutcome.FAILED);
        assertThat(read(stock(1), 200, Map.of(), "<html>maintenance</html>").results())
                .extracting(ItemResult::outcome).containsOnly(ItemOutcome.RETRYABLE);
        assertThat(read(stock(1), 200, Map.of(), "{\"data\": {}}").results())
                .extracting(ItemResult::outcome).containsOnly(ItemOutcome.RETRYABLE);
    }

    @Test
    void anUnusableLinkFailsWithTheReasonWhateverShopifyAnswered() {
        ShopRequest request = Shopify.FORMAT.stockRequests(Shopify.connection(), List.of(
                StockPush.of("MUG-1", "7513594/40001/41001", 7), StockPush.of("BAD-1", "40001", 3))).get(0);

        ItemResults results = read(request, 200, Map.of(), """
                {"data": {"inventorySetQuantities": {"inventoryAdjustmentGroup": {"id": "gid://shopify/InventoryAdjustmentGroup/9"},
                  "userErrors": []}}}""");
        ItemResults throttled = read(request, 429, Map.of(), "");

        assertThat(results.results()).extracting(ItemResult::outcome).containsExactly(ItemOutcome.OK, ItemOutcome.FAILED);
        assertThat(results.failed().get(0).reason()).contains("'40001' of SKU BAD-1 is not a Shopify variant")
                .contains("product/variant/inventoryItem");
        assertThat(throttled.results()).extracting(ItemResult::outcome).containsExactly(ItemOutcome.RETRYABLE, ItemOutcome.FAILED);
    }
}
