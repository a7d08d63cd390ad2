package org.stockbridge.format.magento;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.stockbridge.format.InvalidSettingsException;
import org.stockbridge.format.PricePush;
import org.stockbridge.format.RateLimit;
import org.stockbridge.format.ShopItem;
import org.stockbridge.format.ShopRequest;
import org.stockbridge.format.StockPush;

class MagentoRequestsTest {

    @Test
    void stockIsOneSourceItemsBatchKeyedByTheShopsSkuWithStatusFollowingTheQuantity() {
        List<ShopRequest> requests = Magento.FORMAT.stockRequests(Magento.connection(), List.of(
                StockPush.of("MUG-1", "24-MB01", 5), StockPush.of("MUG-2", "24-MB02", 0)));

        assertThat(requests).hasSize(1);
        ShopRequest request = requests.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/rest/V1/inventory/source-items");
        assertThat(request.url(java.net.URI.create("https://shop.example.com/")))
                .isEqualTo("https://shop.example.com/rest/V1/inventory/source-items");
        assertThat(request.headers()).containsEntry("Authorization", "Bearer " + Magento.TOKEN)
                .containsEntry("Accept", "application/json");
        assertThat(request.secretHeaders()).containsExactly("Authorization");
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.bodyText()).isEqualTo("{\"sourceItems\":["
                + "{\"sku\":\"24-MB01\",\"source_code\":\"default\",\"quantity\":5,\"status\":1},"
                + "{\"sku\":\"24-MB02\",\"source_code\":\"default\",\"quantity\":0,\"status\":0}]}");
        assertThat(request.items()).containsExactly(new ShopItem("MUG-1", "24-MB01"), new ShopItem("MUG-2", "24-MB02"));
        assertThat(request.toString()).doesNotContain(Magento.TOKEN);
    }

    @Test
    void pricesAreBasePricesForTheConfiguredStoreAsPlainNumbers() {
        ShopRequest request = Magento.FORMAT.pricesRequests(Magento.connection(Map.of("storeId", "2")), List.of(
                PricePush.of("MUG-1", "24-MB01", new BigDecimal("1000.00")),
                PricePush.of("MUG-2", "24-MB02", new BigDecimal("19.99")))).get(0);

        assertThat(request.path()).isEqualTo("/rest/V1/products/base-prices");
        assertThat(request.bodyText()).isEqualTo("{\"prices\":["
                + "{\"sku\":\"24-MB01\",\"price\":1000.00,\"store_id\":2},"
                + "{\"sku\":\"24-MB02\",\"price\":19.99,\"store_id\":2}]}");
    }

    @Test
    void theSourceCodeIsASettingAndBatchesFollowTheBatchSize() {
        List<StockPush> pushes = IntStream.rangeClosed(1, 5).mapToObj(i -> StockPush.of("S-" + i, "M-" + i, i)).toList();

        List<ShopRequest> requests = Magento.FORMAT.stockRequests(
                Magento.connection(Map.of("batchSize", "2", "sourceCode", "krakow")), pushes);

        assertThat(requests).extracting(r -> r.items().size()).containsExactly(2, 2, 1);
        assertThat(requests.get(2).bodyText()).isEqualTo(
                "{\"sourceItems\":[{\"sku\":\"M-5\",\"source_code\":\"krakow\",\"quantity\":5,\"status\":1}]}");
    }

    @Test
    void defaultsAreAHundredPerBatchAndTwoRequestsPerSecondAndTheTokenIsRequired() {
        assertThat(Magento.connection().integer("batchSize")).isEqualTo(100L);
        assertThat(Magento.connection().integer("storeId")).isZero();
        assertThat(Magento.FORMAT.rateLimit(Magento.connection())).isEqualTo(new RateLimit(2, Duration.ofSeconds(1)));

        InvalidSettingsException e = catchThrowableOfType(() -> Magento.FORMAT.connect("magento-main",
                Map.of("baseUrl", "http://shop.example.com", "batchSize", "5000")), InvalidSettingsException.class);
        assertThat(e.problems()).hasSize(3).anySatisfy(p -> assertThat(p).startsWith(
                "connection 'magento-main', format 'magento', setting 'accessToken': is required"))
                .anySatisfy(p -> assertThat(p).contains("'batchSize': must be between 1 and 1000"))
                .anySatisfy(p -> assertThat(p).contains("'baseUrl': must use https"));
    }
}
