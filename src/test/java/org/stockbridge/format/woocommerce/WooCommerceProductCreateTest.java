package org.stockbridge.format.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.stockbridge.format.ItemOutcome;
import org.stockbridge.format.ItemResult;
import org.stockbridge.format.ItemResults;
import org.stockbridge.format.NewProduct;
import org.stockbridge.format.ShopItem;
import org.stockbridge.format.ShopOperation;
import org.stockbridge.format.ShopRequest;

/** products-to-shop for WooCommerce: the create batch and its answer. */
class WooCommerceProductCreateTest {

    @Test
    void newProductsAreOneCreateBatchOfSimpleProductsThatManageStock() {
        List<ShopRequest> requests = Woo.FORMAT.createRequests(Woo.connection(), List.of(
                new NewProduct("MUG-1", "5901234123457", "Mug"), new NewProduct("CAP-2", null, null)));

        assertThat(requests).hasSize(1);
        ShopRequest request = requests.get(0);
        assertThat(request.operation()).isEqualTo(ShopOperation.PRODUCTS);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/wp-json/wc/v3/products/batch");
        assertThat(request.headers()).containsEntry("Authorization", Woo.BASIC);
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.bodyText()).isEqualTo("{\"create\":["
                + "{\"name\":\"Mug\",\"type\":\"simple\",\"sku\":\"MUG-1\",\"global_unique_id\":\"5901234123457\",\"manage_stock\":true},"
                + "{\"name\":\"CAP-2\",\"type\":\"simple\",\"sku\":\"CAP-2\",\"manage_stock\":true}]}");
        assertThat(request.items()).containsExactly(new ShopItem("MUG-1", null), new ShopItem("CAP-2", null));
    }

    @Test
    void twoHundredFiftyProductsAreBatchesOf100And100And50() {
        List<NewProduct> products = IntStream.rangeClosed(1, 250).mapToObj(i -> new NewProduct("P-" + i, null, "P " + i)).toList();

        assertThat(Woo.FORMAT.createRequests(Woo.connection(), products)).extracting(r -> r.items().size())
                .containsExactly(100, 100, 50);
        assertThat(Woo.FORMAT.createRequests(Woo.connection(Map.of("batchSize", "40")), products))
                .hasSize(7);
    }

    @Test
    void theAnswerGivesEachCreatedProductItsIdAndARefusedOneItsReason() {
        ShopRequest request = Woo.FORMAT.createRequests(Woo.connection(), List.of(
                new NewProduct("MUG-1", null, "Mug"), new NewProduct("DUP-1", null, "Dup"), new NewProduct("CAP-2", null, "Cap"))).get(0);

        ItemResults results = Woo.FORMAT.readCreated(request, 200, Map.of(), """
                {"create": [
                  {"id": 801, "name": "Mug", "sku": "MUG-1"},
                  {"id": 0, "error": {"code": "product_invalid_sku", "message": "Invalid or duplicated SKU.", "data": {"status": 400}}},
                  {"id": 802, "name": "Cap", "sku": "CAP-2"}
                ]}""");

        assertThat(results.results()).containsExactly(
                ItemResult.ok(new ShopItem("MUG-1", "801")),
                ItemResult.failed(new ShopItem("DUP-1", null), "product_invalid_sku: Invalid or duplicated SKU."),
                ItemResult.ok(new ShopItem("CAP-2", "802")));
    }

    @Test
    void aMissingOrMismatchedAnswerLinksNothingAndSaysToMatchBySku() {
        ShopRequest request = Woo.FORMAT.createRequests(Woo.connection(), List.of(
                new NewProduct("MUG-1", null, "Mug"), new NewProduct("CAP-2", null, "Cap"))).get(0);

        ItemResults results = Woo.FORMAT.readCreated(request, 201, Map.of(), "{\"create\":[{\"id\":9,\"sku\":\"OTHER\"}]}");

        assertThat(results.results()).extracting(ItemResult::outcome).containsOnly(ItemOutcome.RETRYABLE);
        assertThat(results.results()).extracting(r -> r.item().externalId()).containsOnlyNulls();
        assertThat(results.results().get(0).reason()).contains("product 9 with SKU OTHER").contains("match links by SKU");
        assertThat(results.results().get(1).reason()).contains("CAP-2 is missing");
    }

    @Test
    void aRefusedRequestFailsEveryItem() {
        ShopRequest request = Woo.FORMAT.createRequests(Woo.connection(), List.of(new NewProduct("MUG-1", null, "Mug"))).get(0);

        ItemResults results = Woo.FORMAT.readCreated(request, 401, Map.of(),
                "{\"code\":\"woocommerce_rest_cannot_create\",\"message\":\"Sorry, you are not allowed to create resources.\"}");

        assertThat(results.failed()).hasSize(1);
        assertThat(results.failed().get(0).reason()).isEqualTo(
                "HTTP 401: woocommerce_rest_cannot_create: Sorry, you are not allowed to create resources.");
    }
}
