package org.stockbridge.format.baselinker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.stockbridge.format.FormatJson;
import org.stockbridge.format.InvalidSettingsException;
import org.stockbridge.format.PricePush;
import org.stockbridge.format.ShopConnection;
import org.stockbridge.format.ShopItem;
import org.stockbridge.format.ShopOperation;
import org.stockbridge.format.ShopRequest;
import org.stockbridge.format.StockPush;

class BaseLinkerRequestsTest {

    @Test
    void stockIsOneUpdateInventoryProductsStockCall() {
        List<ShopRequest> requests = BaseLinker.FORMAT.stockRequests(BaseLinker.connection(),
                List.of(StockPush.of("MUG-1", "2685", 5), new StockPush("SHIRT-RED", "2701", "2700", 0)));

        assertThat(requests).hasSize(1);
        ShopRequest request = requests.get(0);
        assertThat(request.operation()).isEqualTo(ShopOperation.STOCK);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEmpty();
        assertThat(request.url(BaseLinker.FORMAT.baseUrl(BaseLinker.connection())))
                .isEqualTo("https://api.baselinker.com/connector.php");
        assertThat(request.headers()).containsExactly(
                Map.entry("X-BLToken", BaseLinker.TOKEN),
                Map.entry("Accept", "application/json"));
        assertThat(request.contentType()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(request.bodyText()).isEqualTo("method=updateInventoryProductsStock&parameters="
                + "%7B%22inventory_id%22%3A307%2C%22products%22%3A%7B%222685%22%3A%7B%22bl_206%22%3A5%7D%2C"
                + "%222701%22%3A%7B%22bl_206%22%3A0%7D%7D%7D");
        assertThat(BaseLinker.form(request)).containsExactly(
                Map.entry("method", "updateInventoryProductsStock"),
                Map.entry("parameters", "{\"inventory_id\":307,\"products\":{\"2685\":{\"bl_206\":5},\"2701\":{\"bl_206\":0}}}"));
        assertThat(request.items()).containsExactly(new ShopItem("MUG-1", "2685"), new ShopItem("SHIRT-RED", "2701"));
    }

    @Test
    void tokenNeverShowsInToString() {
        ShopRequest request = BaseLinker.FORMAT.stockRequests(BaseLinker.connection(),
                List.of(StockPush.of("MUG-1", "2685", 5))).get(0);

        assertThat(request.toString()).contains("X-BLToken=****").doesNotContain(BaseLinker.TOKEN);
        assertThat(BaseLinker.connection().toString()).contains("token=****").doesNotContain(BaseLinker.TOKEN);
    }

    @Test
    void twoThousandFiveHundredPushesAreCallsOf1000And1000And500() {
        List<StockPush> pushes = IntStream.rangeClosed(1, 2500)
                .mapToObj(n -> StockPush.of("SKU-" + n, String.valueOf(10000 + n), n % 7)).toList();

        List<ShopRequest> requests = BaseLinker.FORMAT.stockRequests(BaseLinker.connection(), pushes);

        assertThat(requests).extracting(request -> request.items().size()).containsExactly(1000, 1000, 500);
        assertThat(requests).extracting(request -> FormatJson.read(BaseLinker.form(request).get("parameters"))
                .orElseThrow().get("products").size()).containsExactly(1000, 1000, 500);
        assertThat(requests.get(2).items().get(0)).isEqualTo(new ShopItem("SKU-2001", "12001"));
    }

    @Test
    void smallerBatchSizeFromTheSettings() {
        List<StockPush> pushes = IntStream.rangeClosed(1, 25).mapToObj(n -> StockPush.of("S" + n, "" + n, n)).toList();

        assertThat(BaseLinker.FORMAT.stockRequests(BaseLinker.connection(Map.of("batchSize", "10")), pushes))
                .extracting(request -> request.items().size()).containsExactly(10, 10, 5);
    }

    @Test
    void pricesAreGrossNumbersInThePriceGroup() {
        ShopRequest request = BaseLinker.FORMAT.pricesRequests(BaseLinker.connection(), List.of(
                PricePush.of("MUG-1", "2685", new BigDecimal("49.99")),
                PricePush.of("MUG-2", "2686", new BigDecimal("1E+3")))).get(0);

        assertThat(request.operation()).isEqualTo(ShopOperation.PRICES);
        assertThat(BaseLinker.form(request)).containsExactly(
                Map.entry("method", "updateInventoryProductsPrices"),
                Map.entry("parameters", "{\"inventory_id\":307,\"products\":{\"2685\":{\"105\":49.99},\"2686\":{\"105\":1000}}}"));
    }

    @Test
    void pricesWithoutAPriceGroupNameTheSetting() {
        ShopConnection withoutGroup = BaseLinker.FORMAT.connect("bl-main",
                Map.of("token", BaseLinker.TOKEN, "inventoryId", "307", "warehouseId", "bl_206"));

        assertThatThrownBy(() -> BaseLinker.FORMAT.pricesRequests(withoutGroup,
                List.of(PricePush.of("MUG-1", "2685", BigDecimal.TEN))))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("connection 'bl-main', format 'baselinker', setting 'priceGroupId': is required to send prices");
    }

    @Test
    void aCompatibleApiAtAnotherAddress() {
        ShopConnection compatible = BaseLinker.connection(Map.of("baseUrl", "http://localhost:8089/connector.php"));

        assertThat(BaseLinker.FORMAT.baseUrl(compatible)).isEqualTo(URI.create("http://localhost:8089/connector.php"));
    }
}
