package org.stockbridge.format.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.stockbridge.format.ItemOutcome;
import org.stockbridge.format.ItemResult;
import org.stockbridge.format.ItemResults;
import org.stockbridge.format.ShopItem;
import org.stockbridge.format.ShopRequest;
import org.stockbridge.format.StockPush;

class WooCommerceAnswersTest {

    private final ShopRequest request = Woo.FORMAT.stockRequests(Woo.connection(), List.of(
            StockPush.of("MUG-1", "101", 5),
            StockPush.of("MUG-2", "102", 0),
            StockPush.of("GONE-1", "999", 7))).get(0);

    private static final ShopItem MUG_1 = new ShopItem("MUG-1", "101");
    private static final ShopItem MUG_2 = new ShopItem("MUG-2", "102");
    private static final ShopItem GONE_1 = new ShopItem("GONE-1", "999");

    /** Shaped like WooCommerce's batch answer: saved products in full, a refused one as id + error. */
    private static final String ONE_REFUSED = """
            {
              "update": [
                {
                  "id": 101, "name": "Mug", "slug": "mug", "type": "simple", "status": "publish",
                  "sku": "MUG-1", "price": "24.00", "regular_price": "24.00", "sale_price": "",
                  "manage_stock": true, "stock_quantity": 5, "stock_status": "instock",
                  "_links": {"self": [{"href": "https://shop.example.com/wp-json/wc/v3/products/101"}]}
                },
                {
                  "id": 102, "name": "Mug blue", "sku": "MUG-2", "regular_price": "26.00",
                  "manage_stock": true, "stock_quantity": 0, "stock_status": "outofstock"
                },
                {
                  "id": 999,
                  "error": {
                    "code": "woocommerce_rest_product_invalid_id",
                    "message": "Invalid ID.",
                    "data": {"status": 400}
                  }
                }
              ]
            }
            """;

    private ItemResults read(int status, Map<String, List<String>> headers, String body) {
        return Woo.FORMAT.readResponse(request, status, headers, body);
    }

    @Test
    void oneRefusedItemFailsAloneTheOthersAreOk() {
        ItemResults results = read(200, Map.of("Content-Type", List.of("application/json; charset=UTF-8")), ONE_REFUSED);

        assertThat(results.results()).containsExactly(
                ItemResult.ok(MUG_1),
                ItemResult.ok(MUG_2),
                ItemResult.failed(GONE_1, "woocommerce_rest_product_invalid_id: Invalid ID."));
        assertThat(results.failed()).extracting(ItemResult::item).containsExactly(GONE_1);
        assertThat(results.retryAfter()).isEmpty();
    }

    @Test
    void answerOrderDoesNotMatterItemsAreMatchedById() {
        String reordered = """
                {"update": [
                  {"id": 999, "error": {"code": "woocommerce_rest_product_invalid_id", "message": "Invalid ID."}},
                  {"id": 102, "sku": "MUG-2"},
                  {"id": 101, "sku": "MUG-1"}
                ]}
                """;

        assertThat(read(200, Map.of(), reordered).results()).extracting(ItemResult::outcome)
                .containsExactly(ItemOutcome.OK, ItemOutcome.OK, ItemOutcome.FAILED);
    }

    @Test
    void anItemMissingFromTheAnswerIsSentAgain() {
        String partial = """
                {"update": [{"id": 101, "sku": "MUG-1"}, {"id": 102, "sku": "MUG-2"}]}
                """;

        assertThat(read(200, Map.of(), partial).results()).containsExactly(
                ItemResult.ok(MUG_1),
                ItemResult.ok(MUG_2),
                ItemResult.retryable(GONE_1, "product 999 is missing from WooCommerce's answer"));
    }

    @Test
    void tooManyRequestsMakesEveryItemRetryable() {
        ItemResults results = read(429, Map.of("Retry-After", List.of("20")), "");

        assertThat(results.results()).extracting(ItemResult::outcome).containsOnly(ItemOutcome.RETRYABLE);
        assertThat(results.retryable()).hasSize(3);
        assertThat(results.retryAfter()).contains(Duration.ofSeconds(20));
    }

    @Test
    void serverErrorMakesEveryItemRetryable() {
        ItemResults results = read(500, Map.of(), """
                {"code":"internal_server_error","message":"<p>There has been a critical error on this website.</p>","data":{"status":500}}
                """);

        assertThat(results.retryable()).extracting(ItemResult::reason).containsOnly(
                "HTTP 500: internal_server_error: <p>There has been a critical error on this website.</p>");
    }

    @Test
    void wrongCredentialsFailEveryItem() {
        ItemResults results = read(401, Map.of(), """
                {"code":"woocommerce_rest_cannot_edit","message":"Sorry, you are not allowed to edit this resource.","data":{"status":401}}
                """);

        assertThat(results.failed()).hasSize(3).extracting(ItemResult::reason).containsOnly(
                "HTTP 401: woocommerce_rest_cannot_edit: Sorry, you are not allowed to edit this resource.");
    }

    @Test
    void batchLargerThanTheShopAllowsFailsEveryItem() {
        ItemResults results = read(413, Map.of(), """
                {"code":"woocommerce_rest_request_entity_too_large","message":"Unable to accept more than 100 items for this request.","data":{"status":413}}
                """);

        assertThat(results.failed()).hasSize(3).extracting(ItemResult::reason).containsOnly(
                "HTTP 413: woocommerce_rest_request_entity_too_large: Unable to accept more than 100 items for this request.");
    }

    @Test
    void aPageInsteadOfJsonIsRetryable() {
        ItemResults results = read(200, Map.of(), "<!DOCTYPE html><html><head><title>Maintenance</title></head></html>");

        assertThat(results.retryable()).hasSize(3).extracting(ItemResult::reason).containsOnly(
                "unreadable answer (HTTP 200): no update list; body starts: "
                        + "<!DOCTYPE html><html><head><title>Maintenance</title></head></html>");
    }
}
