package org.stockbridge.route;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.stockbridge.support.ShopPushes.basic;
import static org.stockbridge.support.ShopPushes.shopId;
import static org.stockbridge.support.ShopPushes.startedShop;
import static org.stockbridge.support.ShopPushes.WOO_BATCH;
import static org.stockbridge.support.ShopPushes.wooBatchesFor;
import static org.stockbridge.support.ShopPushes.wooBatchWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.stockbridge.HubTest;
import org.stockbridge.Skus;
import org.stockbridge.hub.HubService;
import org.stockbridge.hub.StockChange;
import org.stockbridge.hub.SyncRecord;
import org.stockbridge.rules.SyncRule;
import org.stockbridge.rules.store.SyncRules;
import org.stockbridge.support.ShopPushes;
import org.stockbridge.support.StopRoutesFirst;

/**
 * hub-to-shop with WireMock as a WooCommerce shop ({@code woo-push}) and a shop in dry-run ({@code woo-dry}).
 * Each test uses its own products and shop ids, so the routes' continuous polling of the shared outbox never
 * mixes tests up.
 */
@HubTest
@DirtiesContext // the routes poll WireMock, which stops with this class
@Import(ShopPushes.class)
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
        "stockbridge.push.retry-initial-delay=PT0.1S",
        "stockbridge.connections.woo-push.type=shop", "stockbridge.connections.woo-push.stock=inferior",
        "stockbridge.connections.woo-push.prices=inferior", "stockbridge.connections.woo-push.warehouse=main",
        "stockbridge.connections.woo-push.price-group=retail-pln", "stockbridge.connections.woo-push.format=woocommerce",
        "stockbridge.connections.woo-push.settings.consumerKey=" + HubToShopRouteTest.KEY,
        "stockbridge.connections.woo-push.settings.consumerSecret=" + HubToShopRouteTest.SECRET,
        "stockbridge.connections.woo-dry.type=shop", "stockbridge.connections.woo-dry.stock=inferior",
        "stockbridge.connections.woo-dry.warehouse=main", "stockbridge.connections.woo-dry.format=woocommerce",
        "stockbridge.connections.woo-dry.dry-run=true",
        "stockbridge.connections.woo-dry.settings.baseUrl=https://dry.example.com",
        "stockbridge.connections.woo-dry.settings.consumerKey=" + HubToShopRouteTest.KEY,
        "stockbridge.connections.woo-dry.settings.consumerSecret=" + HubToShopRouteTest.SECRET})
class HubToShopRouteTest {

    static final String KEY = "ck_5e1f0a7b93c24d8e";
    static final String SECRET = "cs_0d9c7e4a1b2f4c3a";
    static final String BASIC = basic(KEY, SECRET);
    static final List<String> CREDENTIALS = List.of(KEY, SECRET, BASIC.substring(6));

    static final WireMockServer WOO = startedShop();

    @DynamicPropertySource
    static void woo(DynamicPropertyRegistry registry) {
        registry.add("stockbridge.connections.woo-push.settings.baseUrl", WOO::baseUrl);
    }

    /** Runs before Spring closes the context: no push may find WireMock gone. */
    @RegisterExtension
    static final AfterAllCallback STOP_WOO = StopRoutesFirst.then(WOO::stop);

    @Autowired
    HubService hub;

    @Autowired
    SyncRules rules;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ShopPushes pushes;

    @Test
    void aStockChangeReachesTheShopAsOneBatchUpdateAndAnUnchangedValueSendsNothing(CapturedOutput output) {
        long id = shopId();
        String sku = pushes.linkedProduct("PUSH-P", "woo-push", id);
        WOO.stubFor(wooBatchWith(BASIC, id).willReturn(okJson(answer(id))));

        hub.setStock(null, StockChange.set(sku, "main", 7, "test"));

        pushes.awaitDone(sku);
        List<LoggedRequest> sent = wooBatchesFor(WOO, id);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getBodyAsString()).isEqualToIgnoringWhitespace(
                "{\"update\":[{\"id\":" + id + ",\"stock_quantity\":7,\"manage_stock\":true}]}");
        assertThat(sent.get(0).getHeader("Authorization")).isEqualTo(BASIC);
        SyncRecord out = pushes.outRecords(sku).get(0);
        assertThat(out.connection()).isEqualTo("woo-push");
        assertThat(out.field()).isEqualTo("stock");
        assertThat(out.oldValue()).isNull();
        assertThat(out.newValue()).isEqualTo("7");
        assertThat(out.result()).isEqualTo("ok");
        assertThat(out.requestId()).isNotBlank();

        // stock in a warehouse the shop does not sell from: the shop's value stays 7, so nothing is sent
        hub.setStock(null, StockChange.set(sku, "acme", 3, "test"));
        pushes.awaitDone(sku);
        assertThat(pushes.outboxStates(sku)).as("done entries are deleted").isEmpty();
        assertThat(wooBatchesFor(WOO, id)).hasSize(1);
        assertThat(pushes.outRecords(sku)).hasSize(1);
        pushes.assertNoCredentials(output, CREDENTIALS, sku);
    }

    @Test
    void aSyncRuleAtFiftyPercentHalvesWhatIsSent() {
        long id = shopId();
        String sku = pushes.linkedProduct("PUSH-R", "woo-push", id);
        rules.create(SyncRule.builder().name(Skus.fresh("half")).skus(sku).warehouses("main").shops("woo-push")
                .syncRatePercent(50).build());
        WOO.stubFor(wooBatchWith(BASIC, id).willReturn(okJson(answer(id))));

        hub.setStock(null, StockChange.set(sku, "main", 10, "test"));

        pushes.awaitDone(sku);
        WOO.verify(1, postRequestedFor(urlPathEqualTo(WOO_BATCH)).withRequestBody(equalToJson(
                "{\"update\":[{\"id\":" + id + ",\"stock_quantity\":5,\"manage_stock\":true}]}")));
        assertThat(pushes.outRecords(sku).get(0).reason()).contains("50");
        assertThat(pushes.outRecords(sku).get(0).ruleId()).isNotNull();
    }

    @Test
    void aServerErrorKeepsTheEntryForRetryAndTheLaterSuccessSendsItOnce() {
        long id = shopId();
        String sku = pushes.linkedProduct("PUSH-E", "woo-push", id);
        String scenario = "down-" + id;
        WOO.stubFor(wooBatchWith(BASIC, id).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(serverError().withBody("{\"code\":\"internal_server_error\"}")).willSetStateTo("up"));
        WOO.stubFor(wooBatchWith(BASIC, id).inScenario(scenario).whenScenarioStateIs("up").willReturn(okJson(answer(id))));

        hub.setStock(null, StockChange.set(sku, "main", 4, "test"));

        pushes.awaitDone(sku);
        assertThat(wooBatchesFor(WOO, id)).hasSize(2);
        assertThat(pushes.outRecords(sku)).extracting(SyncRecord::result).containsExactly("ok", "retried");
        assertThat(pushes.outRecords(sku).get(1).reason()).contains("HTTP 500");
    }

    @Test
    void aRefusedItemFailsAloneIsListedAndRetrySendsItOnceFixed() throws Exception {
        long good = shopId();
        long bad = shopId();
        String goodSku = pushes.linkedProduct("PUSH-G", "woo-push", good);
        String badSku = pushes.linkedProduct("PUSH-B", "woo-push", bad);
        WOO.stubFor(wooBatchWith(BASIC, good).willReturn(okJson("{\"update\":[{\"id\":" + good + ",\"stock_quantity\":1},"
                + "{\"id\":" + bad + ",\"error\":{\"code\":\"woocommerce_rest_product_invalid_id\",\"message\":\"Invalid ID.\","
                + "\"data\":{\"status\":400}}}]}")));

        // one transaction, so both land in one drain and one batch
        hub.applyStock(null, List.of(StockChange.set(goodSku, "main", 1, "test"), StockChange.set(badSku, "main", 2, "test")));

        pushes.awaitDone(goodSku);
        JsonNode failure = pushes.awaitFailure(badSku);
        assertThat(failure.get("connection").asText()).isEqualTo("woo-push");
        assertThat(failure.get("kind").asText()).isEqualTo("stock");
        assertThat(failure.get("attempts").asInt()).isEqualTo(1);
        assertThat(failure.get("lastError").asText()).contains("Invalid ID.");
        assertThat(pushes.failureOf(goodSku)).isNull();
        assertThat(wooBatchesFor(WOO, good)).hasSize(1);
        assertThat(pushes.outRecords(badSku).get(0).result()).isEqualTo("failed");

        WOO.stubFor(wooBatchWith(BASIC, bad).atPriority(1).willReturn(okJson(answer(bad))));
        assertThat(http.postForEntity("/api/failures/" + failure.get("id").asLong() + "/retry", null, String.class)
                .getStatusCode().value()).isEqualTo(202);

        pushes.awaitDone(badSku);
        assertThat(pushes.failureOf(badSku)).isNull();
        assertThat(pushes.outRecords(badSku).get(0).result()).isEqualTo("ok");
        List<LoggedRequest> resent = wooBatchesFor(WOO, bad);
        assertThat(resent).hasSize(2);
        assertThat(resent.get(1).getBodyAsString()).as("the retry carries the refused item alone").isEqualToIgnoringWhitespace(
                "{\"update\":[{\"id\":" + bad + ",\"stock_quantity\":2,\"manage_stock\":true}]}");
    }

    @Test
    void dryRunWritesTheRequestToAFileAndSendsNothing(CapturedOutput output) throws IOException {
        long id = shopId();
        String sku = pushes.linkedProduct("PUSH-D", "woo-dry", id);

        hub.setStock(null, StockChange.set(sku, "main", 6, "test"));

        pushes.awaitDone(sku);
        SyncRecord out = pushes.outRecords(sku).get(0);
        assertThat(out.result()).isEqualTo("dry-run");
        Path file = Path.of("target/test-data/dry-run/woo-dry/" + out.requestId() + ".http");
        String request = Files.readString(file);
        assertThat(request).startsWith("POST https://dry.example.com" + WOO_BATCH + "\n")
                .contains("Authorization: ****")
                .contains("Content-Type: application/json")
                .contains("\"stock_quantity\":6").contains("\"id\":" + id)
                .doesNotContain(KEY).doesNotContain(SECRET).doesNotContain(BASIC.substring(6));
        assertThat(wooBatchesFor(WOO, id)).isEmpty();

        // the shop value was recorded: the same value again is not written again
        hub.setStock(null, StockChange.set(sku, "acme", 1, "test"));
        pushes.awaitDone(sku);
        assertThat(pushes.outRecords(sku)).hasSize(1);
        pushes.assertNoCredentials(output, CREDENTIALS, sku);
    }

    private static String answer(long id) {
        return "{\"update\":[{\"id\":" + id + ",\"manage_stock\":true}]}";
    }

}
