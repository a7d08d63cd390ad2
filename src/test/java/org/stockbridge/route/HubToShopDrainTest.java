package org.stockbridge.route;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.stockbridge.support.ShopPushes.basic;
import static org.stockbridge.support.ShopPushes.shopId;
import static org.stockbridge.support.ShopPushes.startedShop;
import static org.stockbridge.support.ShopPushes.wooBatchWith;
import static org.stockbridge.support.ShopPushes.wooBatchesFor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.stockbridge.HubTest;
import org.stockbridge.Skus;
import org.stockbridge.hub.HubService;
import org.stockbridge.hub.StockChange;
import org.stockbridge.hub.SyncRecord;
import org.stockbridge.support.FormFields;
import org.stockbridge.support.ShopPushes;
import org.stockbridge.support.StopRoutesFirst;

/**
 * When hub-to-shop drains and how it records, with a poll period of an hour: everything these tests see sent was
 * sent because a commit woke the shop's drain or because a full claim made it drain again at once. A BaseLinker
 * shop ({@code bl-drain}) and a WooCommerce shop ({@code woo-drain}) stand in WireMock.
 */
@HubTest
@DirtiesContext // the routes use WireMock, which stops with this class
@Import(ShopPushes.class)
@TestPropertySource(properties = {
        "stockbridge.push.poll-period=PT1H",
        "stockbridge.push.retry-initial-delay=PT0.001S", // a retried value is due by the time the test goes on
        "stockbridge.connections.bl-drain.type=shop", "stockbridge.connections.bl-drain.stock=inferior",
        "stockbridge.connections.bl-drain.warehouse=main", "stockbridge.connections.bl-drain.format=baselinker",
        "stockbridge.connections.bl-drain.settings.token=" + HubToShopDrainTest.TOKEN,
        "stockbridge.connections.bl-drain.settings.inventoryId=307",
        "stockbridge.connections.bl-drain.settings.warehouseId=bl_206",
        "stockbridge.connections.bl-drain.settings.requestsPerMinute=100",
        "stockbridge.connections.bl-together.type=shop", "stockbridge.connections.bl-together.stock=inferior",
        "stockbridge.connections.bl-together.warehouse=main", "stockbridge.connections.bl-together.format=baselinker",
        "stockbridge.connections.bl-together.settings.token=" + HubToShopDrainTest.TOKEN,
        "stockbridge.connections.bl-together.settings.inventoryId=308",
        "stockbridge.connections.bl-together.settings.warehouseId=bl_206",
        "stockbridge.connections.bl-together.settings.requestsPerMinute=100",
        "stockbridge.connections.woo-drain.type=shop", "stockbridge.connections.woo-drain.stock=inferior",
        "stockbridge.connections.woo-drain.warehouse=main", "stockbridge.connections.woo-drain.format=woocommerce",
        "stockbridge.connections.woo-drain.settings.consumerKey=" + HubToShopDrainTest.KEY,
        "stockbridge.connections.woo-drain.settings.consumerSecret=" + HubToShopDrainTest.SECRET})
class HubToShopDrainTest {

    static final String TOKEN = "3001234-3009876-DRAINTESTTOKEN012345678";
    static final String KEY = "ck_7a1e0c5b93d24f8e";
    static final String SECRET = "cs_2d9c7e4a1b8f4c3b";
    static final String ENDPOINT = "/connector.php";

    static final WireMockServer BL = startedShop();
    static final WireMockServer WOO = startedShop();
    static final WireMockServer SLOW_BL = startedShop();

    @DynamicPropertySource
    static void shops(DynamicPropertyRegistry registry) {
        registry.add("stockbridge.connections.bl-drain.settings.baseUrl", () -> BL.baseUrl() + ENDPOINT);
        registry.add("stockbridge.connections.woo-drain.settings.baseUrl", WOO::baseUrl);
        registry.add("stockbridge.connections.bl-together.settings.baseUrl", () -> SLOW_BL.baseUrl() + ENDPOINT);
    }

    @RegisterExtension
    static final AfterAllCallback STOP_SHOPS = StopRoutesFirst.then(() -> {
        BL.stop();
        WOO.stop();
        SLOW_BL.stop();
    });

    @Autowired
    HubService hub;

    @Autowired
    ShopPushes pushes;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Test
    void twoThousandFiveHundredDueStockValuesGoToBaseLinkerAsRequestsOfAThousandWithoutWaitingForThePoll()
            throws Exception {
        BL.stubFor(post(urlPathEqualTo(ENDPOINT)).withRequestBody(containing("method=updateInventoryProductsStock"))
                .willReturn(okJson("{\"status\":\"SUCCESS\",\"warnings\":{}}")));
        String prefix = Skus.fresh("DRAIN-BL") + "-";
        List<String> skus = linkedProducts(prefix, "bl-drain", 2_500);

        // one transaction: one wake-up; a claim of 2 000 (two batches of 1 000 at 100/min) leaves 500 that only
        // the drain right after it, not the hour's poll, can send
        hub.applyStock(null, IntStream.range(0, skus.size())
                .mapToObj(i -> StockChange.set(skus.get(i), "main", 1 + i % 50, "test")).toList());

        pushes.awaitDoneLike(prefix + "%");
        List<Integer> productsPerRequest = new ArrayList<>();
        for (var request : BL.findAll(postRequestedFor(urlPathEqualTo(ENDPOINT))
                .withRequestBody(containing("method=updateInventoryProductsStock")))) {
            JsonNode parameters = json.readTree(FormFields.decode(request.getBodyAsString()).get("parameters"));
            productsPerRequest.add(parameters.get("products").size());
        }
        // the drain claims the 500 while the first two requests are under way: they may leave in any order
        assertThat(productsPerRequest).containsExactlyInAnyOrder(1_000, 1_000, 500);
        assertThat(pushes.outRecords(skus.get(2_499))).extracting(SyncRecord::result).containsExactly("ok");
    }

    @Test
    void theRequestsOfOneDrainAreUnderWayTogetherWhileTheShopTakesItsTimeToAnswer() throws Exception {
        int answerMillis = 3_000;
        SLOW_BL.stubFor(post(urlPathEqualTo(ENDPOINT)).willReturn(okJson("{\"status\":\"SUCCESS\",\"warnings\":{}}")
                .withFixedDelay(answerMillis)));
        String prefix = Skus.fresh("TOGETHER") + "-";
        List<String> skus = linkedProducts(prefix, "bl-together", 2_000);

        // one claim of 2 000 at 100/min: two requests of 1 000, the second 0.6 s after the first by the pace
        hub.applyStock(null, IntStream.range(0, skus.size())
                .mapToObj(i -> StockChange.set(skus.get(i), "main", 1 + i % 50, "test")).toList());

        pushes.awaitDoneLike(prefix + "%");
        List<LoggedRequest> requests = new ArrayList<>(SLOW_BL.findAll(postRequestedFor(urlPathEqualTo(ENDPOINT))));
        requests.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime())
                .as("the second request reached the shop before the first was answered").isLessThan(answerMillis);
        assertThat(pushes.outRecords(skus.get(0))).extracting(SyncRecord::result).containsExactly("ok");
        assertThat(pushes.outRecords(skus.get(1_999))).extracting(SyncRecord::result).containsExactly("ok");
    }

    @Test
    void aRequestsMixedAnswerIsRecordedPerItemAndOnlyTheTakenValuesBecomeTheShopValues() {
        long taken = shopId();
        long refused = shopId();
        long unanswered = shopId();
        String takenSku = pushes.linkedProduct("DRAIN-T", "woo-drain", taken);
        String refusedSku = pushes.linkedProduct("DRAIN-F", "woo-drain", refused);
        String unansweredSku = pushes.linkedProduct("DRAIN-U", "woo-drain", unanswered);
        String basic = basic(KEY, SECRET);
        String scenario = "mixed-" + taken;
        // the first answer takes one item, refuses one and leaves one out (retried); the second takes all
        WOO.stubFor(wooBatchWith(basic, taken).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"update\":[{\"id\":" + taken + ",\"stock_quantity\":1},{\"id\":" + refused
                        + ",\"error\":{\"code\":\"woocommerce_rest_product_invalid_id\",\"message\":\"Invalid ID.\","
                        + "\"data\":{\"status\":400}}}]}"))
                .willSetStateTo("second"));
        WOO.stubFor(wooBatchWith(basic, taken).inScenario(scenario).whenScenarioStateIs("second")
                .willReturn(okJson("{\"update\":[{\"id\":" + taken + "},{\"id\":" + refused + "},{\"id\":" + unanswered
                        + "}]}")));

        hub.applyStock(null, List.of(StockChange.set(takenSku, "main", 1, "test"),
                StockChange.set(refusedSku, "main", 2, "test"), StockChange.set(unansweredSku, "main", 3, "test")));

        pushes.awaitDone(takenSku);
        assertThat(pushes.outboxStates(takenSku)).isEmpty();
        assertThat(pushes.outboxStates(refusedSku)).containsExactly("failed");
        SyncRecord ok = pushes.outRecords(takenSku).get(0);
        SyncRecord failed = pushes.outRecords(refusedSku).get(0);
        SyncRecord retried = pushes.outRecords(unansweredSku).get(0);
        assertThat(List.of(ok.result(), failed.result(), retried.result())).containsExactly("ok", "failed", "retried");
        assertThat(List.of(ok.newValue(), failed.newValue(), retried.newValue())).containsExactly("1", "2", "3");
        assertThat(List.of(failed.requestId(), retried.requestId())).containsOnly(ok.requestId());
        assertThat(failed.reason()).contains("Invalid ID.");
        assertThat(retried.reason()).contains("missing from WooCommerce's answer");

        // new values for the other two wake the drain, which also takes the retried value, now due: one request
        hub.applyStock(null, List.of(StockChange.set(takenSku, "main", 11, "test"),
                StockChange.set(refusedSku, "main", 12, "test")));
        pushes.awaitDone(takenSku);
        pushes.awaitDone(refusedSku);
        pushes.awaitDone(unansweredSku);

        assertThat(wooBatchesFor(WOO, taken)).hasSize(2);
        assertThat(pushes.outRecords(takenSku)).extracting(SyncRecord::oldValue, SyncRecord::newValue, SyncRecord::result)
                .as("the value the shop took became its shop value").containsExactly(
                        tuple("1", "11", "ok"),
                        tuple(null, "1", "ok"));
        assertThat(pushes.outRecords(refusedSku).get(0).oldValue()).as("a refused value is not the shop value").isNull();
        assertThat(pushes.outRecords(unansweredSku)).extracting(SyncRecord::result).containsExactly("ok", "retried");
        assertThat(pushes.outboxStates(takenSku)).isEmpty();
        assertThat(pushes.outboxStates(unansweredSku)).isEmpty();
        assertThat(pushes.outboxStates(refusedSku)).as("the refused entry waits for an operator").containsExactly("failed");
    }

    /** {@code count} products linked to the shop, inserted set-wise (one by one through the hub takes long). */
    private List<String> linkedProducts(String prefix, String connection, int count) {
        List<String> skus = IntStream.range(0, count).mapToObj(i -> prefix + String.format(Locale.ROOT, "%05d", i)).toList();
        jdbc.batchUpdate("INSERT INTO product (sku, name, created_at, updated_at) "
                + "VALUES (?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                skus.stream().map(sku -> new Object[] {sku, "Drain test " + sku}).toList());
        long firstId = shopId();
        Map<String, Long> ids = new HashMap<>();
        jdbc.query("SELECT id, sku FROM product WHERE sku LIKE ?", rs -> {
            ids.put(rs.getString(2), rs.getLong(1));
        }, prefix + "%");
        jdbc.batchUpdate("INSERT INTO link (product_id, connection_id, external_id, external_sku, matched_by, created_at) "
                + "VALUES (?, ?, ?, ?, 'manual', CURRENT_TIMESTAMP)", IntStream.range(0, count)
                .mapToObj(i -> new Object[] {ids.get(skus.get(i)), connection, String.valueOf(firstId + i), skus.get(i)})
                .toList());
        return skus;
    }
}
