package org.stockbridge.format.magento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.stockbridge.format.ProductPage;
import org.stockbridge.format.ShopAnswerException;
import org.stockbridge.format.ShopConnection;
import org.stockbridge.format.ShopProduct;
import org.stockbridge.format.ShopRequest;

class MagentoProductListTest {

    @Test
    void pageRequestAsksForAHundredSortedByEntityId() {
        ShopRequest request = Magento.FORMAT.productPageRequest(Magento.connection(), 3);

        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/rest/V1/products?searchCriteria%5BpageSize%5D=100"
                + "&searchCriteria%5BcurrentPage%5D=3"
                + "&searchCriteria%5BsortOrders%5D%5B0%5D%5Bfield%5D=entity_id"
                + "&searchCriteria%5BsortOrders%5D%5B0%5D%5Bdirection%5D=ASC");
        assertThat(URI.create(request.url(URI.create("https://shop.example.com")))).isNotNull();
        assertThat(request.headers()).containsEntry("Authorization", "Bearer " + Magento.TOKEN);
        assertThat(request.page()).isEqualTo(3);
    }

    @Test
    void skuLookupPutsTheEncodedSkuInThePath() {
        assertThat(Magento.FORMAT.productBySkuRequest(Magento.connection(), "MUG 1/red+").path())
                .isEqualTo("/rest/V1/products/MUG%201%2Fred%2B");
    }

    @Test
    void readsSkusAsExternalIdsAndStopsAtTotalCount() {
        ShopRequest request = Magento.FORMAT.productPageRequest(Magento.connection(), 1);
        String body = """
                {"items": [
                   {"id": 1, "sku": "24-MB01", "name": "Joust Duffle Bag", "price": 34, "status": 1, "type_id": "simple",
                    "custom_attributes": [{"attribute_code": "url_key", "value": "joust-duffle-bag"}]},
                   {"id": 2, "sku": "24-MB04", "name": "Strive Shoulder Pack", "price": 32, "type_id": "simple"}],
                 "search_criteria": {"filter_groups": [], "page_size": 100, "current_page": 1},
                 "total_count": 2}""";

        ProductPage page = Magento.FORMAT.readProducts(request, 200, Map.of(), body);

        assertThat(page.products()).containsExactly(
                new ShopProduct("24-MB01", null, "24-MB01", null, "Joust Duffle Bag", null, new BigDecimal("34")),
                new ShopProduct("24-MB04", null, "24-MB04", null, "Strive Shoulder Pack", null, new BigDecimal("32")));
        assertThat(page.last()).isTrue();
    }

    @Test
    void aPagesQuantitiesAreAskedAtTheConnectionsSourceForItsSkusAndReadAsStockOnly() {
        ShopConnection connection = Magento.connection(Map.of("sourceCode", "pl-krakow"));
        ProductPage listed = new ProductPage(2, List.of(new ShopProduct("24-MB01", null, "24-MB01", null, "Bag"),
                new ShopProduct("MUG 1", null, "MUG 1", null, "Mug"), new ShopProduct("A,B", null, "A,B", null, "Comma")), false);

        ShopRequest request = Magento.FORMAT.valuesRequests(connection, listed).get(0);

        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/rest/V1/inventory/source-items?"
                + "searchCriteria%5Bfilter_groups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bfield%5D=source_code"
                + "&searchCriteria%5Bfilter_groups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bvalue%5D=pl-krakow"
                + "&searchCriteria%5Bfilter_groups%5D%5B0%5D%5Bfilters%5D%5B0%5D%5Bcondition_type%5D=eq"
                + "&searchCriteria%5Bfilter_groups%5D%5B1%5D%5Bfilters%5D%5B0%5D%5Bfield%5D=sku"
                + "&searchCriteria%5Bfilter_groups%5D%5B1%5D%5Bfilters%5D%5B0%5D%5Bvalue%5D=24-MB01%2CMUG+1"
                + "&searchCriteria%5Bfilter_groups%5D%5B1%5D%5Bfilters%5D%5B0%5D%5Bcondition_type%5D=in"
                + "&searchCriteria%5BpageSize%5D=2&searchCriteria%5BcurrentPage%5D=1");
        assertThat(request.page()).isEqualTo(2);

        ProductPage values = Magento.FORMAT.readProducts(connection, request, 200, Map.of(), """
                {"items": [{"sku": "24-MB01", "source_code": "pl-krakow", "quantity": 12, "status": 1},
                           {"sku": "MUG 1", "source_code": "pl-krakow", "quantity": 2.5, "status": 1}],
                 "total_count": 2}""");
        assertThat(values.products()).as("a decimal quantity is not compared")
                .containsExactly(new ShopProduct("24-MB01", null, "24-MB01", null, null, 12, null));
    }

    @Test
    void pricesCanBeComparedOnlyWhereTheyAreSetAtTheGlobalScope() {
        assertThat(Magento.FORMAT.showsValues(Magento.connection())).isTrue();
        assertThat(Magento.FORMAT.showsValues(Magento.connection(Map.of("storeId", "1")))).isFalse();
        assertThat(Magento.FORMAT.valuesRequests(Magento.connection(), new ProductPage(1, List.of(), true))).isEmpty();
    }

    @Test
    void longSkusAreAskedInSeveralRequestsSoNoRequestLineGrowsPastWhatWebServersTake() {
        List<ShopProduct> products = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String sku = "LONG-" + "X".repeat(55) + "-" + i; // Magento allows SKUs of 64 characters
            products.add(new ShopProduct(sku, null, sku, null, "Long " + i));
        }

        List<ShopRequest> requests = Magento.FORMAT.valuesRequests(Magento.connection(), new ProductPage(1, products, true));

        assertThat(requests).hasSizeGreaterThan(1);
        assertThat(requests).allSatisfy(request -> assertThat(request.path().length()).isLessThan(4000));
        assertThat(requests.stream().flatMap(request -> java.util.Arrays.stream(URLDecoder.decode(request.path()
                .replaceAll(".*filter_groups%5D%5B1%5D%5Bfilters%5D%5B0%5D%5Bvalue%5D=([^&]*).*", "$1"), StandardCharsets.UTF_8)
                .split(","))).toList()).isEqualTo(products.stream().map(ShopProduct::sku).toList());
    }

    @Test
    void aFullPageBeforeTheTotalIsNotTheLast() {
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= 100; i++) {
            items.append(i == 1 ? "" : ",").append("{\"id\":").append(i).append(",\"sku\":\"S-").append(i).append("\"}");
        }
        ProductPage page = Magento.FORMAT.readProducts(Magento.FORMAT.productPageRequest(Magento.connection(), 1), 200,
                Map.of(), "{\"items\":[" + items + "],\"total_count\":150}");

        assertThat(page.products()).hasSize(100);
        assertThat(page.last()).isFalse();
    }

    @Test
    void anUnknownSkuIsAnEmptyPageAndABadTokenIsAnError() {
        ShopRequest bySku = Magento.FORMAT.productBySkuRequest(Magento.connection(), "NOPE");
        ProductPage none = Magento.FORMAT.readProducts(bySku, 404, Map.of(),
                "{\"message\":\"The product that was requested doesn't exist. Verify the product and try again.\"}");
        assertThat(none.products()).isEmpty();
        assertThat(none.last()).isTrue();

        ProductPage one = Magento.FORMAT.readProducts(bySku, 200, Map.of(), "{\"id\":9,\"sku\":\"NOPE\",\"name\":\"Nope\"}");
        assertThat(one.products()).containsExactly(new ShopProduct("NOPE", null, "NOPE", null, "Nope"));

        ShopAnswerException e = catchThrowableOfType(() -> Magento.FORMAT.readProducts(
                Magento.FORMAT.productPageRequest(Magento.connection(), 1), 401, Map.of(),
                "{\"message\":\"The consumer isn't authorized to access %resources.\"}"), ShopAnswerException.class);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).startsWith("connection 'magento-main', GET /rest/V1/products?")
                .contains("HTTP 401: The consumer isn't authorized").doesNotContain(Magento.TOKEN);
    }
}
