package org.stockbridge.format.baselinker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.stockbridge.format.ProductPage;
import org.stockbridge.format.ShopAnswerException;
import org.stockbridge.format.ShopOperation;
import org.stockbridge.format.ShopProduct;
import org.stockbridge.format.ShopRequest;

class BaseLinkerProductListTest {

    @Test
    void pageRequestCallsGetInventoryProductsList() {
        ShopRequest request = BaseLinker.FORMAT.productPageRequest(BaseLinker.connection(), 2);

        assertThat(request.operation()).isEqualTo(ShopOperation.PRODUCTS);
        assertThat(request.page()).isEqualTo(2);
        assertThat(BaseLinker.form(request)).containsExactly(
                Map.entry("method", "getInventoryProductsList"),
                Map.entry("parameters", "{\"inventory_id\":307,\"page\":2,\"include_variants\":true}"));
    }

    @Test
    void skuLookupFiltersBySku() {
        ShopRequest request = BaseLinker.FORMAT.productBySkuRequest(BaseLinker.connection(), "EPL-432");

        assertThat(BaseLinker.form(request)).containsEntry("parameters", "{\"inventory_id\":307,\"filter_sku\":\"EPL-432\",\"include_variants\":true}");
    }

    @Test
    void readsIdsSkusEansAndNames() {
        ShopRequest request = BaseLinker.FORMAT.productPageRequest(BaseLinker.connection(), 1);

        ProductPage page = BaseLinker.FORMAT.readProducts(request, 200, Map.of(), """
                {
                  "status": "SUCCESS",
                  "products": {
                    "2685": {"id": 2685, "ean": "5901234123457", "sku": "EPL-432", "name": "Harry Potter and the Chamber of Secrets",
                             "prices": {"105": 20.99}, "stock": {"bl_206": 2}},
                    "2686": {"id": 2686, "ean": "", "sku": "EPL-433", "name": "Mug",
                             "prices": {"105": 9.5}, "stock": {"bl_206": 0}}
                  }
                }
                """);

        assertThat(page.products()).containsExactly(
                new ShopProduct("2685", null, "EPL-432", "5901234123457", "Harry Potter and the Chamber of Secrets"),
                new ShopProduct("2686", null, "EPL-433", null, "Mug"));
        assertThat(page.last()).isTrue();
    }

    @Test
    void aVariantIsListedUnderItsOwnIdWithItsParent() {
        ShopRequest request = BaseLinker.FORMAT.productPageRequest(BaseLinker.connection(), 1);

        ProductPage page = BaseLinker.FORMAT.readProducts(request, 200, Map.of(), """
                {"status": "SUCCESS", "products": {
                  "3100": {"id": 3100, "parent_id": 0, "ean": "", "sku": "SHOE", "name": "Shoe"},
                  "3101": {"id": 3101, "parent_id": 3100, "ean": "", "sku": "SHOE-40", "name": "Shoe 40"}}}
                """);

        assertThat(page.products()).containsExactly(new ShopProduct("3100", null, "SHOE", null, "Shoe"),
                new ShopProduct("3101", "3100", "SHOE-40", null, "Shoe 40"));
    }

    @Test
    void withItsConnectionItReadsTheStockOfItsWarehouseAndThePriceOfItsPriceGroup() {
        ShopRequest request = BaseLinker.FORMAT.productPageRequest(BaseLinker.connection(), 1);
        String answer = """
                {
                  "status": "SUCCESS",
                  "products": {
                    "2685": {"id": 2685, "ean": "", "sku": "EPL-432", "name": "Book",
                             "prices": {"104": 18.00, "105": 20.99}, "stock": {"bl_205": 9, "bl_206": 2}},
                    "2686": {"id": 2686, "ean": "", "sku": "EPL-433", "name": "Mug",
                             "prices": {"104": 8.5}, "stock": {"bl_205": 1}},
                    "2687": {"id": 2687, "ean": "", "sku": "EPL-434", "name": "Scales", "prices": [], "stock": {"bl_206": 2.5}}
                  }
                }
                """;

        ProductPage page = BaseLinker.FORMAT.readProducts(BaseLinker.connection(), request, 200, Map.of(), answer);

        assertThat(page.products()).containsExactly(
                new ShopProduct("2685", null, "EPL-432", null, "Book", 2, new BigDecimal("20.99")),
                // neither the connection's warehouse nor its price group shown: nothing to compare
                new ShopProduct("2686", null, "EPL-433", null, "Mug", null, null),
                // BaseLinker answers an empty map as []; a fractional stock is not a quantity the hub sends
                new ShopProduct("2687", null, "EPL-434", null, "Scales", null, null));
        ShopProduct noPriceGroup = BaseLinker.FORMAT.readProducts(BaseLinker.connection(Map.of("priceGroupId", "")), request,
                200, Map.of(), answer).products().get(0);
        assertThat(noPriceGroup.stock()).isEqualTo(2);
        assertThat(noPriceGroup.price()).isNull();
    }

    @Test
    void aFullPageIsNotTheLast() {
        String products = IntStream.rangeClosed(1, 1000)
                .mapToObj(n -> "\"" + n + "\":{\"id\":" + n + ",\"sku\":\"S" + n + "\",\"ean\":\"\",\"name\":\"P" + n + "\"}")
                .collect(Collectors.joining(",", "{\"status\":\"SUCCESS\",\"products\":{", "}}"));
        ShopRequest request = BaseLinker.FORMAT.productPageRequest(BaseLinker.connection(), 4);

        ProductPage page = BaseLinker.FORMAT.readProducts(request, 200, Map.of(), products);

        assertThat(page.products()).hasSize(1000);
        assertThat(page.last()).isFalse();
        assertThat(page.nextPage()).isEqualTo(5);
    }

    @Test
    void anErrorSaysWhatBaseLinkerSaid() {
        ShopRequest request = BaseLinker.FORMAT.productPageRequest(BaseLinker.connection(), 1);

        ShopAnswerException e = catchThrowableOfType(() -> BaseLinker.FORMAT.readProducts(request, 200, Map.of(),
                "{\"status\":\"ERROR\",\"error_code\":\"ERROR_BAD_TOKEN\",\"error_message\":\"Invalid user token\"}"),
                ShopAnswerException.class);

        assertThat(e.retryable()).isFalse();
        assertThat(e).hasMessage("connection 'bl-main', POST, page 1: BaseLinker ERROR_BAD_TOKEN: Invalid user token");
    }
}
