package org.stockbridge.format.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.stockbridge.format.ProductPage;
import org.stockbridge.format.ShopAnswerException;
import org.stockbridge.format.ShopOperation;
import org.stockbridge.format.ShopProduct;
import org.stockbridge.format.ShopRequest;

class ShopifyProductListTest {

    private static final String PAGE = """
            {"data": {"productVariants": {
              "nodes": [
                {"id": "gid://shopify/ProductVariant/40001", "sku": "MUG-1", "barcode": "5901234123457", "title": "Default Title",
                 "inventoryItem": {"id": "gid://shopify/InventoryItem/41001"},
                 "product": {"id": "gid://shopify/Product/7513594", "title": "Mug"}},
                {"id": "gid://shopify/ProductVariant/40002", "sku": "TEE-M", "barcode": null, "title": "M / Blue",
                 "inventoryItem": {"id": "gid://shopify/InventoryItem/41002"},
                 "product": {"id": "gid://shopify/Product/7513600", "title": "T-shirt"}}],
              "pageInfo": {"hasNextPage": %s, "endCursor": "eyJsYXN0X2lkIjo0MDAwMn0="}}},
             "extensions": {"cost": {"requestedQueryCost": 302, "actualQueryCost": 7,
              "throttleStatus": {"maximumAvailable": 2000.0, "currentlyAvailable": 1993, "restoreRate": 100.0}}}}""";

    @Test
    void theFirstPageAsksForOneHundredVariantsOrderedById() {
        ShopRequest request = Shopify.FORMAT.productPageRequest(Shopify.connection(), 1);

        assertThat(request.operation()).isEqualTo(ShopOperation.PRODUCTS);
        assertThat(request.path()).isEqualTo("/admin/api/2026-10/graphql.json");
        assertThat(request.page()).isEqualTo(1);
        assertThat(request.headers()).containsEntry("X-Shopify-Access-Token", Shopify.TOKEN);
        assertThat(Shopify.body(request).get("query").asText())
                .contains("productVariants(first: $first, after: $after, query: $query, sortKey: ID)")
                .contains("pageInfo { hasNextPage endCursor }");
        assertThat(Shopify.body(request).get("variables")).isEqualTo(Shopify.json(
                "{\"first\": 100, \"after\": null, \"query\": null, \"location\": \"gid://shopify/Location/64071\"}"));
        assertThatThrownBy(() -> Shopify.FORMAT.productPageRequest(Shopify.connection(), 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("by cursor");
    }

    @Test
    void aPageGivesOneProductPerVariantWithTheThreeIdsAndTheCursorToContinueFrom() {
        ShopRequest first = Shopify.FORMAT.productPageRequest(Shopify.connection(), 1);

        ProductPage page = Shopify.FORMAT.readProducts(first, 200, Map.of(), PAGE.formatted("true"));

        assertThat(page.products()).containsExactly(
                new ShopProduct("7513594/40001/41001", "7513594", "MUG-1", "5901234123457", "Mug"),
                new ShopProduct("7513600/40002/41002", "7513600", "TEE-M", null, "T-shirt – M / Blue"));
        assertThat(page.last()).isFalse();
        assertThat(page.cursor()).isEqualTo("eyJsYXN0X2lkIjo0MDAwMn0=");

        ShopRequest next = Shopify.FORMAT.nextPageRequest(Shopify.connection(), page);
        assertThat(next.page()).isEqualTo(2);
        assertThat(Shopify.body(next).at("/variables/after").asText()).isEqualTo("eyJsYXN0X2lkIjo0MDAwMn0=");

        ProductPage last = Shopify.FORMAT.readProducts(next, 200, Map.of(), PAGE.formatted("false"));
        assertThat(last.page()).isEqualTo(2);
        assertThat(last.last()).isTrue();
        assertThat(last.cursor()).isNull();
    }

    @Test
    void eachVariantShowsItsPriceAndItsAvailableQuantityAtTheConnectionsLocationForReconciliation() {
        ShopRequest request = Shopify.FORMAT.productPageRequest(Shopify.connection(), 1);
        assertThat(Shopify.body(request).get("query").asText())
                .contains("price inventoryItem { id inventoryLevel(locationId: $location) { quantities(names: [\"available\"])");

        ProductPage page = Shopify.FORMAT.readProducts(request, 200, Map.of(), """
                {"data": {"productVariants": {
                  "nodes": [
                    {"id": "gid://shopify/ProductVariant/40001", "sku": "MUG-1", "barcode": null, "title": "Default Title",
                     "price": "12.50", "inventoryItem": {"id": "gid://shopify/InventoryItem/41001",
                       "inventoryLevel": {"quantities": [{"name": "available", "quantity": 7}]}},
                     "product": {"id": "gid://shopify/Product/7513594", "title": "Mug"}},
                    {"id": "gid://shopify/ProductVariant/40002", "sku": "TEE-M", "barcode": null, "title": "M",
                     "price": "30.00", "inventoryItem": {"id": "gid://shopify/InventoryItem/41002", "inventoryLevel": null},
                     "product": {"id": "gid://shopify/Product/7513600", "title": "T-shirt"}}],
                  "pageInfo": {"hasNextPage": false, "endCursor": null}}}}""");

        assertThat(page.products()).containsExactly(
                new ShopProduct("7513594/40001/41001", "7513594", "MUG-1", null, "Mug", 7, new BigDecimal("12.50")),
                // not stocked at the location: no quantity to compare
                new ShopProduct("7513600/40002/41002", "7513600", "TEE-M", null, "T-shirt – M", null, new BigDecimal("30.00")));
        assertThat(Shopify.FORMAT.showsValues(Shopify.connection())).isTrue();
    }

    @Test
    void aSkuIsLookedUpWithAQuotedSearchAndOnlyThatExactSkuIsKept() {
        ShopRequest request = Shopify.FORMAT.productBySkuRequest(Shopify.connection(), "MUG-1");

        assertThat(Shopify.body(request).at("/variables/query").asText()).isEqualTo("sku:\"MUG-1\"");
        ProductPage page = Shopify.FORMAT.readProducts(request, 200, Map.of(), PAGE.formatted("false"));
        assertThat(page.products()).extracting(ShopProduct::sku).containsExactly("MUG-1");

        ShopRequest quoted = Shopify.FORMAT.productBySkuRequest(Shopify.connection(), "A \"B\"\\C");
        assertThat(Shopify.body(quoted).at("/variables/query").asText()).isEqualTo("sku:\"A \\\"B\\\"\\\\C\"");
        ProductPage found = Shopify.FORMAT.readProducts(quoted, 200, Map.of(),
                PAGE.formatted("false").replace("\"sku\": \"TEE-M\"", "\"sku\": \"A \\\"B\\\"\\\\C\""));
        assertThat(found.products()).extracting(ShopProduct::sku).containsExactly("A \"B\"\\C");
    }

    @Test
    void aThrottledListIsRetryableAfterTheCostWaitAndAccessDeniedIsNot() {
        ShopRequest request = Shopify.FORMAT.productPageRequest(Shopify.connection(), 1);

        ShopAnswerException throttled = catchThrowableOfType(() -> Shopify.FORMAT.readProducts(request, 200, Map.of(), """
                {"errors": [{"message": "Throttled", "extensions": {"code": "THROTTLED"}}],
                 "extensions": {"cost": {"requestedQueryCost": 302, "actualQueryCost": null,
                  "throttleStatus": {"maximumAvailable": 2000.0, "currentlyAvailable": 102, "restoreRate": 100.0}}}}"""),
                ShopAnswerException.class);
        ShopAnswerException denied = catchThrowableOfType(() -> Shopify.FORMAT.readProducts(request, 200, Map.of(), """
                {"errors": [{"message": "Access denied for productVariants field.", "extensions": {"code": "ACCESS_DENIED"}}]}"""),
                ShopAnswerException.class);

        assertThat(throttled.retryable()).isTrue();
        assertThat(throttled.retryAfter()).contains(Duration.ofSeconds(2));
        assertThat(throttled.getMessage()).startsWith("connection 'shopify-main', POST /admin/api/2026-10/graphql.json, page 1");
        assertThat(denied.retryable()).isFalse();
        assertThat(denied.getMessage()).contains("ACCESS_DENIED").doesNotContain(Shopify.TOKEN);
    }
}
