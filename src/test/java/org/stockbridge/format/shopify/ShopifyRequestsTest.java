package org.stockbridge.format.shopify;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.stockbridge.format.PricePush;
import org.stockbridge.format.ShopOperation;
import org.stockbridge.format.ShopRequest;
import org.stockbridge.format.StockPush;

class ShopifyRequestsTest {

    @Test
    void stockIsOneInventorySetQuantitiesCallWithChangeFromQuantityAndTheRequestIdAsIdempotencyKey() {
        List<ShopRequest> requests = Shopify.FORMAT.stockRequests(Shopify.connection(), List.of(
                new StockPush("MUG-1", "7513594/40001/41001", null, 7, 5),
                new StockPush("MUG-2", "7513594/40002/41002", null, 0, null)));

        assertThat(requests).hasSize(1);
        ShopRequest request = requests.get(0);
        assertThat(request.operation()).isEqualTo(ShopOperation.STOCK);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/admin/api/2026-10/graphql.json");
        assertThat(request.headers()).containsEntry("X-Shopify-Access-Token", Shopify.TOKEN)
                .containsEntry("Accept", "application/json");
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.toString()).contains("X-Shopify-Access-Token=****").doesNotContain(Shopify.TOKEN);
        assertThat(Shopify.skus(request)).containsExactly("MUG-1", "MUG-2");

        JsonNode body = Shopify.body(request);
        assertThat(body.get("query").asText())
                .contains("mutation StockbridgeSetStock($input: InventorySetQuantitiesInput!)")
                .contains("inventorySetQuantities(input: $input) @idempotent(key: \"" + request.id() + "\")")
                .contains("userErrors { code field message }");
        assertThat(body.get("variables")).isEqualTo(Shopify.json("""
                {"input": {"name": "available", "reason": "correction",
                  "referenceDocumentUri": "gid://stockbridge/ShopRequest/%s",
                  "quantities": [
                    {"inventoryItemId": "gid://shopify/InventoryItem/41001", "locationId": "gid://shopify/Location/64071",
                     "quantity": 7, "changeFromQuantity": 5},
                    {"inventoryItemId": "gid://shopify/InventoryItem/41002", "locationId": "gid://shopify/Location/64071",
                     "quantity": 0, "changeFromQuantity": null}]}}
                """.formatted(request.id())));
    }

    @Test
    void withTheCompareTurnedOffChangeFromQuantityIsAlwaysNull() {
        ShopRequest request = Shopify.FORMAT.stockRequests(Shopify.connection(Map.of("compareBeforeSet", "false")),
                List.of(new StockPush("MUG-1", "7513594/40001/41001", null, 7, 5))).get(0);

        JsonNode quantity = Shopify.body(request).at("/variables/input/quantities/0");
        assertThat(quantity.has("changeFromQuantity")).isTrue();
        assertThat(quantity.get("changeFromQuantity").isNull()).isTrue();
        assertThat(quantity.get("quantity").asInt()).isEqualTo(7);
    }

    @Test
    void everyRequestHasItsOwnIdempotencyKeyAndBatchesStayWithinTwoHundredFifty() {
        List<StockPush> pushes = IntStream.range(0, 600)
                .mapToObj(i -> StockPush.of("SKU-" + i, "1/" + (100 + i) + "/" + (1000 + i), i)).toList();

        List<ShopRequest> requests = Shopify.FORMAT.stockRequests(Shopify.connection(), pushes);

        assertThat(requests).extracting(r -> Shopify.body(r).at("/variables/input/quantities").size())
                .containsExactly(250, 250, 100);
        assertThat(requests).extracting(r -> r.items().size()).containsExactly(250, 250, 100);
        assertThat(requests).extracting(ShopRequest::id).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(requests.stream().filter(r -> Shopify.body(r).get("query").asText()
                        .contains("key: \"" + id + "\"")).count()).isEqualTo(1));
        assertThat(Shopify.body(requests.get(2)).at("/variables/input/quantities/0/inventoryItemId").asText())
                .isEqualTo("gid://shopify/InventoryItem/1500");
    }

    @Test
    void pricesAreOneProductVariantsBulkUpdatePerProductWithPartialUpdatesAllowed() {
        List<ShopRequest> requests = Shopify.FORMAT.pricesRequests(Shopify.connection(), List.of(
                PricePush.of("MUG-1", "7513594/40001/41001", new BigDecimal("49.90")),
                PricePush.of("CAP-1", "8800000/50001/51001", new BigDecimal("1000.00")),
                PricePush.of("MUG-2", "7513594/40002/41002", new BigDecimal("52"))));

        assertThat(requests).hasSize(2);
        assertThat(requests).extracting(ShopRequest::operation).containsOnly(ShopOperation.PRICES);
        assertThat(Shopify.skus(requests.get(0))).containsExactly("MUG-1", "MUG-2");
        assertThat(Shopify.skus(requests.get(1))).containsExactly("CAP-1");
        JsonNode first = Shopify.body(requests.get(0));
        assertThat(first.get("query").asText()).contains(
                "productVariantsBulkUpdate(productId: $productId, variants: $variants, allowPartialUpdates: true)");
        assertThat(first.get("variables")).isEqualTo(Shopify.json("""
                {"productId": "gid://shopify/Product/7513594", "variants": [
                  {"id": "gid://shopify/ProductVariant/40001", "price": "49.90"},
                  {"id": "gid://shopify/ProductVariant/40002", "price": "52"}]}
                """));
        assertThat(Shopify.body(requests.get(1)).at("/variables/variants/0/price").asText()).isEqualTo("1000.00");
    }

    @Test
    void aPushWhoseLinkIsNotAShopifyVariantRidesOnTheFirstRequestOutsideItsBody() {
        List<ShopRequest> requests = Shopify.FORMAT.stockRequests(Shopify.connection(), List.of(
                StockPush.of("BAD-1", "gid://shopify/ProductVariant/40001", 3),
                StockPush.of("MUG-1", "7513594/40001/41001", 7)));

        assertThat(requests).hasSize(1);
        assertThat(Shopify.skus(requests.get(0))).containsExactly("MUG-1", "BAD-1");
        assertThat(Shopify.body(requests.get(0)).at("/variables/input/quantities").size()).isEqualTo(1);
    }

    @Test
    void whenNoPushIsUsableTheyRideOnAOnePointShopQuery() {
        List<ShopRequest> requests = Shopify.FORMAT.pricesRequests(Shopify.connection(), List.of(
                PricePush.of("BAD-1", "12345", BigDecimal.TEN)));

        assertThat(requests).hasSize(1);
        assertThat(Shopify.skus(requests.get(0))).containsExactly("BAD-1");
        assertThat(Shopify.body(requests.get(0)).get("query").asText()).isEqualTo("query StockbridgeShop { shop { id } }");
    }
}
