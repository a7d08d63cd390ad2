package org.stockbridge.format.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.stockbridge.format.FormatJson;
import org.stockbridge.format.ItemOutcome;
import org.stockbridge.format.ItemResult;
import org.stockbridge.format.ItemResults;
import org.stockbridge.format.PricePush;
import org.stockbridge.format.ShopItem;
import org.stockbridge.format.ShopOperation;
import org.stockbridge.format.ShopRequest;
import org.stockbridge.format.StockPush;

class WooCommerceRequestsTest {

    private static List<StockPush> simple(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(n -> StockPush.of("SKU-" + n, String.valueOf(1000 + n), n)).toList();
    }

    private static JsonNode body(ShopRequest request) {
        return FormatJson.read(request.bodyText()).orElseThrow();
    }

    @Test
    void stockOfOneProductIsOneBatchUpdate() {
        List<ShopRequest> requests = Woo.FORMAT.stockRequests(Woo.connection(),
                List.of(StockPush.of("MUG-1", "101", 5), StockPush.of("MUG-2", "102", 0)));

        assertThat(requests).hasSize(1);
        ShopRequest request = requests.get(0);
        assertThat(request.connection()).isEqualTo("woo-main");
        assertThat(request.operation()).isEqualTo(ShopOperation.STOCK);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/wp-json/wc/v3/products/batch");
        assertThat(request.url(Woo.FORMAT.baseUrl(Woo.connection())))
                .isEqualTo("https://shop.example.com/wp-json/wc/v3/products/batch");
        assertThat(request.headers()).containsExactly(
                Map.entry("Authorization", Woo.BASIC),
                Map.entry("Accept", "application/json"));
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.bodyText()).isEqualTo("{\"update\":["
                + "{\"id\":101,\"stock_quantity\":5,\"manage_stock\":true},"
                + "{\"id\":102,\"stock_quantity\":0,\"manage_stock\":true}]}");
        assertThat(request.items()).containsExactly(new ShopItem("MUG-1", "101"), new ShopItem("MUG-2", "102"));
    }

    @Test
    void credentialsNeverShowInToString() {
        ShopRequest request = Woo.FORMAT.stockRequests(Woo.connection(), List.of(StockPush.of("MUG-1", "101", 5))).get(0);

        assertThat(request.toString())
                .contains("Authorization=****")
                .doesNotContain(Woo.KEY, Woo.SECRET, Woo.BASIC.substring("Basic ".length()));
        assertThat(Woo.connection().toString())
                .contains("consumerKey=****", "consumerSecret=****")
                .doesNotContain(Woo.KEY, Woo.SECRET);
    }

    @Test
    void twoHundredFiftyPushesAreBatchesOf100And100And50() {
        List<ShopRequest> requests = Woo.FORMAT.stockRequests(Woo.connection(), simple(250));

        assertThat(requests).extracting(request -> request.items().size()).containsExactly(100, 100, 50);
        assertThat(requests).extracting(request -> body(request).get("update").size()).containsExactly(100, 100, 50);
        assertThat(requests).extracting(ShopRequest::path).containsOnly("/wp-json/wc/v3/products/batch");
        assertThat(requests.get(1).items().get(0)).isEqualTo(new ShopItem("SKU-101", "1101"));
        assertThat(body(requests.get(2)).get("update").get(49).get("id").asLong()).isEqualTo(1250L);
        assertThat(requests).extracting(ShopRequest::id).doesNotHaveDuplicates();
    }

    @Test
    void smallerBatchSizeFromTheSettings() {
        List<ShopRequest> requests = Woo.FORMAT.stockRequests(Woo.connection(Map.of("batchSize", "40")), simple(100));

        assertThat(requests).extracting(request -> request.items().size()).containsExactly(40, 40, 20);
    }

    @Test
    void variationsGoToTheirParentsVariationsBatch() {
        List<StockPush> pushes = List.of(
                new StockPush("SHIRT-RED", "2101", "2100", 3),
                StockPush.of("MUG-1", "101", 5),
                new StockPush("SHOE-40", "3101", "3100", 1),
                new StockPush("SHIRT-BLUE", "2102", "2100", 4));

        List<ShopRequest> requests = Woo.FORMAT.stockRequests(Woo.connection(), pushes);

        assertThat(requests).extracting(ShopRequest::path).containsExactly(
                "/wp-json/wc/v3/products/2100/variations/batch",
                "/wp-json/wc/v3/products/batch",
                "/wp-json/wc/v3/products/3100/variations/batch");
        assertThat(requests.get(0).bodyText()).isEqualTo("{\"update\":["
                + "{\"id\":2101,\"stock_quantity\":3,\"manage_stock\":true},"
                + "{\"id\":2102,\"stock_quantity\":4,\"manage_stock\":true}]}");
        assertThat(requests.get(0).items()).extracting(ShopItem::sku).containsExactly("SHIRT-RED", "SHIRT-BLUE");
    }

    @Test
    void aVariationLinkedAsParentSlashVariationGoesToItsParentAndIsAnsweredByItsOwnId() {
        List<StockPush> pushes = List.of(StockPush.of("SHIRT-RED", "2100/2101", 3), StockPush.of("MUG-1", "101", 5));

        List<ShopRequest> requests = Woo.FORMAT.stockRequests(Woo.connection(), pushes);

        assertThat(requests).extracting(ShopRequest::path).containsExactly(
                "/wp-json/wc/v3/products/2100/variations/batch", "/wp-json/wc/v3/products/batch");
        assertThat(requests.get(0).bodyText()).isEqualTo("{\"update\":[{\"id\":2101,\"stock_quantity\":3,\"manage_stock\":true}]}");
        ItemResults answered = Woo.FORMAT.readResponse(requests.get(0), 200, Map.of(),
                "{\"update\":[{\"id\":2101,\"parent_id\":2100,\"stock_quantity\":3}]}");
        assertThat(answered.results()).extracting(result -> result.item().externalId(), ItemResult::outcome)
                .containsExactly(tuple("2100/2101", ItemOutcome.OK));
    }

    @Test
    void manyVariationsOfOneParentAreBatchedToo() {
        List<StockPush> pushes = IntStream.rangeClosed(1, 150)
                .mapToObj(n -> new StockPush("V-" + n, String.valueOf(5000 + n), "5000", n)).toList();

        List<ShopRequest> requests = Woo.FORMAT.stockRequests(Woo.connection(), pushes);

        assertThat(requests).extracting(request -> request.items().size()).containsExactly(100, 50);
        assertThat(requests).extracting(ShopRequest::path).containsOnly("/wp-json/wc/v3/products/5000/variations/batch");
    }

    @Test
    void anIdThatIsNoNumberIsSentAsTextForWooCommerceToRefuse() {
        ShopRequest request = Woo.FORMAT.stockRequests(Woo.connection(), List.of(StockPush.of("MUG-1", "abc", 5))).get(0);

        assertThat(request.bodyText()).isEqualTo("{\"update\":[{\"id\":\"abc\",\"stock_quantity\":5,\"manage_stock\":true}]}");
    }

    @Test
    void pricesAreRegularPricesAsDecimalStrings() {
        List<ShopRequest> requests = Woo.FORMAT.pricesRequests(Woo.connection(), List.of(
                PricePush.of("MUG-1", "101", new BigDecimal("49.99")),
                PricePush.of("MUG-2", "102", new BigDecimal("1E+3")),
                new PricePush("SHIRT-RED", "2101", "2100", new BigDecimal("19.90"))));

        assertThat(requests).hasSize(2);
        assertThat(requests).extracting(ShopRequest::operation).containsOnly(ShopOperation.PRICES);
        assertThat(requests.get(0).path()).isEqualTo("/wp-json/wc/v3/products/batch");
        assertThat(requests.get(0).bodyText()).isEqualTo("{\"update\":["
                + "{\"id\":101,\"regular_price\":\"49.99\"},"
                + "{\"id\":102,\"regular_price\":\"1000\"}]}");
        assertThat(requests.get(1).path()).isEqualTo("/wp-json/wc/v3/products/2100/variations/batch");
        assertThat(requests.get(1).bodyText()).isEqualTo("{\"update\":[{\"id\":2101,\"regular_price\":\"19.90\"}]}");
    }

    @Test
    void nothingToPushIsNoRequest() {
        assertThat(Woo.FORMAT.stockRequests(Woo.connection(), List.of())).isEmpty();
    }
}
