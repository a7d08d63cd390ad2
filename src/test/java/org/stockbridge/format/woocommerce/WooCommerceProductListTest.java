package org.stockbridge.format.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.stockbridge.format.ProductPage;
import org.stockbridge.format.ShopAnswerException;
import org.stockbridge.format.ShopOperation;
import org.stockbridge.format.ShopProduct;
import org.stockbridge.format.ShopRequest;

class WooCommerceProductListTest {

    private static final String TWO_PRODUCTS = """
            [
              {"id": 101, "name": "Mug", "type": "simple", "parent_id": 0, "sku": "MUG-1",
               "global_unique_id": "5901234123457", "stock_quantity": 5},
              {"id": 2100, "name": "Shirt", "type": "variable", "parent_id": 0, "sku": "",
               "global_unique_id": "", "variations": [2101, 2102]}
            ]
            """;
    private static final String SIMPLE_PRODUCTS = """
            [{"id": 101, "name": "Mug", "type": "simple", "parent_id": 0, "sku": "MUG-1"},
             {"id": 102, "name": "Cup", "type": "simple", "parent_id": 0, "sku": "CUP-1"}]
            """;

    @Test
    void pageRequestAsksForAHundredOrderedById() {
        ShopRequest request = Woo.FORMAT.productPageRequest(Woo.connection(), 3);

        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/wp-json/wc/v3/products?per_page=100&page=3&orderby=id&order=asc");
        assertThat(request.operation()).isEqualTo(ShopOperation.PRODUCTS);
        assertThat(request.page()).isEqualTo(3);
        assertThat(request.headers()).containsEntry("Authorization", Woo.BASIC);
        assertThat(request.body()).isEmpty();
    }

    @Test
    void skuLookupEncodesTheSku() {
        ShopRequest request = Woo.FORMAT.productBySkuRequest(Woo.connection(), "MUG 1/R&D");

        assertThat(request.path()).isEqualTo("/wp-json/wc/v3/products?sku=MUG+1%2FR%26D");
    }

    @Test
    void readsIdsSkusEansAndNames() {
        ShopRequest request = Woo.FORMAT.productPageRequest(Woo.connection(), 1);

        ProductPage page = Woo.FORMAT.readProducts(request, 200,
                Map.of("X-WP-Total", List.of("250"), "X-WP-TotalPages", List.of("3")), TWO_PRODUCTS);

        assertThat(page.products()).containsExactly(
                new ShopProduct("101", null, "MUG-1", "5901234123457", "Mug"),
                new ShopProduct("2100", null, null, null, "Shirt"));
        assertThat(page.last()).isFalse();
        assertThat(Woo.FORMAT.nextPageRequest(Woo.connection(), page).path()).as("the shirt's variations come first")
                .isEqualTo("/wp-json/wc/v3/products/2100/variations?per_page=100&page=1&orderby=id&order=asc");
    }

    @Test
    void variationsOfAPagesVariableProductsAreListedUnderTheirParentBeforeTheNextPage() {
        ProductPage products = twoProducts(1, 2);

        ShopRequest variationsPage1 = Woo.FORMAT.nextPageRequest(Woo.connection(), products);
        ProductPage variations1 = Woo.FORMAT.readProducts(variationsPage1, 200, Map.of("X-WP-TotalPages", List.of("2")), """
                [{"id": 2101, "name": "Shirt - Red", "parent_id": 2100, "sku": "SHIRT-RED", "global_unique_id": "5901234123464",
                  "manage_stock": true, "stock_quantity": 4, "regular_price": "30.00"}]
                """);
        ShopRequest variationsPage2 = Woo.FORMAT.nextPageRequest(Woo.connection(), variations1);
        ProductPage variations2 = Woo.FORMAT.readProducts(variationsPage2, 200, Map.of("X-WP-TotalPages", List.of("2")), """
                [{"id": 2102, "parent_id": 2100, "sku": "SHIRT-BLUE", "attributes": [{"name": "Colour", "option": "Blue"}],
                  "manage_stock": "parent", "stock_quantity": 9}]
                """);
        ShopRequest productsPage2 = Woo.FORMAT.nextPageRequest(Woo.connection(), variations2);
        ProductPage last = Woo.FORMAT.readProducts(productsPage2, 200, Map.of("X-WP-TotalPages", List.of("2")), SIMPLE_PRODUCTS);

        assertThat(variationsPage1.path()).isEqualTo("/wp-json/wc/v3/products/2100/variations?per_page=100&page=1&orderby=id&order=asc");
        assertThat(variationsPage2.path()).isEqualTo("/wp-json/wc/v3/products/2100/variations?per_page=100&page=2&orderby=id&order=asc");
        assertThat(productsPage2.path()).isEqualTo("/wp-json/wc/v3/products?per_page=100&page=2&orderby=id&order=asc");
        assertThat(variations1.products()).containsExactly(
                new ShopProduct("2100/2101", "2100", "SHIRT-RED", "5901234123464", "Shirt - Red", 4, new BigDecimal("30.00")));
        // stock kept by the parent ("manage_stock": "parent") is not the variation's to compare
        assertThat(variations2.products()).containsExactly(
                new ShopProduct("2100/2102", "2100", "SHIRT-BLUE", null, "Blue", null, null));
        assertThat(List.of(products.last(), variations1.last(), variations2.last())).containsOnly(false);
        assertThat(last.last()).isTrue();
    }

    @Test
    void aParentDeletedDuringTheWalkHasNoVariationsAndTheWalkGoesOn() {
        ProductPage products = twoProducts(1, 2);
        ShopRequest variations = Woo.FORMAT.nextPageRequest(Woo.connection(), products);

        ProductPage gone = Woo.FORMAT.readProducts(variations, 404, Map.of(),
                "{\"code\":\"woocommerce_rest_product_invalid_id\",\"message\":\"Invalid ID.\"}");

        assertThat(gone.products()).isEmpty();
        assertThat(Woo.FORMAT.nextPageRequest(Woo.connection(), gone).path())
                .isEqualTo("/wp-json/wc/v3/products?per_page=100&page=2&orderby=id&order=asc");
    }

    @Test
    void theLastPagesVariationsAreTheEndOfTheList() {
        ProductPage products = twoProducts(3, 3);

        ShopRequest variations = Woo.FORMAT.nextPageRequest(Woo.connection(), products);
        ProductPage end = Woo.FORMAT.readProducts(variations, 200, Map.of(), "[]");

        assertThat(products.last()).isFalse();
        assertThat(end.products()).isEmpty();
        assertThat(end.last()).isTrue();
    }

    @Test
    void readsTheStockAndPriceTheShopShowsForReconciliation() {
        ShopRequest request = Woo.FORMAT.productPageRequest(Woo.connection(), 1);

        ProductPage page = Woo.FORMAT.readProducts(request, 200, Map.of("X-WP-TotalPages", List.of("1")), """
                [{"id": 101, "sku": "MUG-1", "name": "Mug", "manage_stock": true, "stock_quantity": 5, "regular_price": "12.50"},
                 {"id": 102, "sku": "CUP-1", "name": "Cup", "manage_stock": false, "stock_quantity": 3, "regular_price": ""}]
                """);

        assertThat(page.products()).containsExactly(
                new ShopProduct("101", null, "MUG-1", null, "Mug", 5, new BigDecimal("12.50")),
                new ShopProduct("102", null, "CUP-1", null, "Cup", null, null));
    }

    @Test
    void theLastPageIsTheOneTotalPagesNames() {
        ShopRequest request = Woo.FORMAT.productPageRequest(Woo.connection(), 3);

        assertThat(Woo.FORMAT.readProducts(request, 200, Map.of("x-wp-totalpages", List.of("3")), SIMPLE_PRODUCTS).last())
                .isTrue();
    }

    @Test
    void withoutTheHeaderAShortPageIsTheLast() {
        ShopRequest request = Woo.FORMAT.productPageRequest(Woo.connection(), 1);

        assertThat(Woo.FORMAT.readProducts(request, 200, Map.of(), SIMPLE_PRODUCTS).last()).isTrue();
    }

    @Test
    void aVariationFoundBySkuNamesItsParent() {
        ShopRequest request = Woo.FORMAT.productBySkuRequest(Woo.connection(), "SHIRT-RED");

        ProductPage page = Woo.FORMAT.readProducts(request, 200, Map.of("X-WP-TotalPages", List.of("1")), """
                [{"id": 2101, "type": "variation", "name": "Shirt - Red", "parent_id": 2100, "sku": "SHIRT-RED", "global_unique_id": ""},
                 {"id": 3001, "type": "simple", "name": "Old child", "parent_id": 3000, "sku": "SHIRT-RED", "global_unique_id": ""}]
                """);

        assertThat(page.products()).as("a variation is linked as parent/variation; a leftover post parent is not one")
                .containsExactly(new ShopProduct("2100/2101", "2100", "SHIRT-RED", null, "Shirt - Red"),
                        new ShopProduct("3001", null, "SHIRT-RED", null, "Old child"));
        assertThat(page.last()).isTrue();
    }

    @Test
    void refusalSaysWhetherAskingAgainHelps() {
        ShopRequest request = Woo.FORMAT.productPageRequest(Woo.connection(), 1);

        ShopAnswerException busy = catchThrowableOfType(() -> Woo.FORMAT.readProducts(request, 503,
                Map.of("Retry-After", List.of("60")), ""), ShopAnswerException.class);
        ShopAnswerException refused = catchThrowableOfType(() -> Woo.FORMAT.readProducts(request, 401, Map.of(),
                "{\"code\":\"woocommerce_rest_cannot_view\",\"message\":\"Sorry, you cannot list resources.\"}"),
                ShopAnswerException.class);

        assertThat(busy.retryable()).isTrue();
        assertThat(busy.retryAfter()).contains(Duration.ofMinutes(1));
        assertThat(refused.retryable()).isFalse();
        assertThat(refused).hasMessage("connection 'woo-main', GET /wp-json/wc/v3/products?per_page=100&page=1"
                + "&orderby=id&order=asc, page 1: HTTP 401: woocommerce_rest_cannot_view: Sorry, you cannot list resources.");
    }

    @Test
    void theNextPageOfANumberedCatalogIsTheNextNumber() {
        ShopRequest next = Woo.FORMAT.nextPageRequest(Woo.connection(), new ProductPage(3, java.util.List.of(), false));

        assertThat(next.page()).isEqualTo(4);
        assertThat(next.path()).contains("page=4");
    }

    /** Page {@code page} of {@code totalPages}, holding a simple product and a variable one (two variations). */
    private static ProductPage twoProducts(int page, int totalPages) {
        ShopRequest request = Woo.FORMAT.productPageRequest(Woo.connection(), page);
        return Woo.FORMAT.readProducts(request, 200, Map.of("X-WP-TotalPages", List.of(String.valueOf(totalPages))), TWO_PRODUCTS);
    }
}
