package org.stockbridge.format.magento;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.stockbridge.format.ItemOutcome;
import org.stockbridge.format.ItemResult;
import org.stockbridge.format.ItemResults;
import org.stockbridge.format.PricePush;
import org.stockbridge.format.ShopItem;
import org.stockbridge.format.ShopRequest;
import org.stockbridge.format.StockPush;

class MagentoAnswersTest {

    private static final ShopItem BAG = new ShopItem("BAG-1", "24-MB01");
    private static final ShopItem GONE = new ShopItem("GONE-1", "24-XX99");
    private static final ShopItem WATCH = new ShopItem("WATCH-1", "24-WG02");

    private final ShopRequest prices = Magento.FORMAT.pricesRequests(Magento.connection(), List.of(
            PricePush.of("BAG-1", "24-MB01", new BigDecimal("34.00")),
            PricePush.of("GONE-1", "24-XX99", new BigDecimal("5.00")),
            PricePush.of("WATCH-1", "24-WG02", new BigDecimal("-0.00")))).get(0);

    private final ShopRequest stock = Magento.FORMAT.stockRequests(Magento.connection(), List.of(
            StockPush.of("BAG-1", "24-MB01", 3),
            StockPush.of("GONE-1", "24-XX99", 1),
            StockPush.of("WATCH-1", "24-WG02", 0))).get(0);

    @Test
    void anEmptyListOfFailedPricesMeansEveryPriceWasSaved() {
        assertThat(Magento.FORMAT.readResponse(prices, 200, Map.of(), "[]").allOk()).isTrue();
    }

    /**
     * PriceUpdateResultInterface entries as BasePriceStorage words them (magento2, Catalog/Model/Product/Price):
     * placeholders left in the message, values by name (an object) or in order (a list).
     */
    @Test
    void aFailedPriceFailsTheSkuItNamesTheOthersWereSaved() {
        String body = """
                [
                  {"message": "Invalid attribute %fieldName = %fieldValue.",
                   "parameters": {"fieldName": "SKU", "fieldValue": "24-XX99"}},
                  {"message": "Requested store is not found. Row ID: SKU = %SKU, Store ID: %storeId.",
                   "parameters": ["24-WG02", "7"]}
                ]""";

        ItemResults results = Magento.FORMAT.readResponse(prices, 200, Map.of(), body);

        assertThat(results.results()).containsExactly(
                ItemResult.ok(BAG),
                ItemResult.failed(GONE, "Magento: Invalid attribute SKU = 24-XX99."),
                ItemResult.failed(WATCH, "Magento: Requested store is not found. Row ID: SKU = 24-WG02, Store ID: 7."));
    }

    @Test
    void savedSourceItemsAreAllOk() {
        assertThat(Magento.FORMAT.readResponse(stock, 200, Map.of(), "").allOk()).isTrue();
        assertThat(Magento.FORMAT.readResponse(stock, 200, Map.of(), "[]").allOk()).isTrue();
    }

    /** MSI validates the whole batch and saves none of it: the named item fails, the rest go again without it. */
    @Test
    void aRefusedSourceItemFailsAloneAndItsBatchmatesAreRetried() {
        String body = """
                {"message": "Validation Failed",
                 "errors": [{"message": "Product with SKU \\"%sku\\" does not exist.", "parameters": {"sku": "24-XX99"}}]}""";

        ItemResults results = Magento.FORMAT.readResponse(stock, 400, Map.of(), body);

        assertThat(results.results()).containsExactly(
                ItemResult.retryable(BAG, "not saved: Magento refused the whole batch because of 24-XX99"),
                ItemResult.failed(GONE, "Magento: Product with SKU \"24-XX99\" does not exist."),
                ItemResult.retryable(WATCH, "not saved: Magento refused the whole batch because of 24-XX99"));
    }

    /** As MSI's save handler answers today: the first validation error folded into the message, no errors list. */
    @Test
    void aRefusalThatQuotesTheSkuInItsMessageFailsThatItem() {
        String body = "{\"message\":\"Validation Failed: Product with requested \\\"sku\\\": \\\"24-XX99\\\" was was not found.\"}";

        ItemResults results = Magento.FORMAT.readResponse(stock, 400, Map.of(), body);

        assertThat(results.failed()).singleElement().isEqualTo(ItemResult.failed(GONE,
                "Magento: Validation Failed: Product with requested \"sku\": \"24-XX99\" was was not found."));
        assertThat(results.retryable()).extracting(ItemResult::item).containsExactly(BAG, WATCH);
    }

    @Test
    void aRefusedBatchThatNamesNoItemFailsThemAll() {
        String body = """
                {"message": "Validation Failed",
                 "errors": [{"message": "Source item code \\"%field\\" can not be empty.", "parameters": {"field": "source_code"}}]}""";

        ItemResults results = Magento.FORMAT.readResponse(stock, 400, Map.of(), body);

        assertThat(results.failed()).hasSize(3).allSatisfy(result -> assertThat(result.reason())
                .isEqualTo("Magento refused the batch: Source item code \"source_code\" can not be empty."));
    }

    @Test
    void aBadTokenFailsWithMagentosMessageAndTooManyRequestsWaitsForRetryAfter() {
        ItemResults unauthorized = Magento.FORMAT.readResponse(stock, 401, Map.of(),
                "{\"message\":\"The consumer isn't authorized to access %resources.\",\"parameters\":{\"resources\":\"Magento_InventoryApi::source\"}}");
        assertThat(unauthorized.failed()).hasSize(3).allSatisfy(result -> assertThat(result.reason())
                .startsWith("HTTP 401: The consumer isn't authorized"));

        ItemResults busy = Magento.FORMAT.readResponse(prices, 429, Map.of("retry-after", List.of("30")), "");
        assertThat(busy.retryable()).hasSize(3);
        assertThat(busy.retryAfter()).isEqualTo(Optional.of(Duration.ofSeconds(30)));

        ItemResults down = Magento.FORMAT.readResponse(stock, 503, Map.of(), "<html>Service Unavailable</html>");
        assertThat(down.results()).extracting(ItemResult::outcome).containsOnly(ItemOutcome.RETRYABLE);
    }

    @Test
    void anAnswerThatIsNotAListOfFailedPricesIsRetried() {
        ItemResults results = Magento.FORMAT.readResponse(prices, 200, Map.of(), "<html>maintenance</html>");

        assertThat(results.retryable()).hasSize(3);
        assertThat(results.retryable().get(0).reason()).startsWith("unreadable answer (HTTP 200): not a list of failed prices");
    }
}
