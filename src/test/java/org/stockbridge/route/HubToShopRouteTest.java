package org.stockbridge.route;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.stockbridge.HubTest;
import org.stockbridge.support.StopRoutesFirst;
import org.stockbridge.Skus;
import org.stockbridge.hub.HubService;
import org.stockbridge.hub.Link;
import org.stockbridge.hub.ProductData;
import org.stockbridge.hub.StockChange;
import org.stockbridge.hub.SyncRecord;
import org.stockbridge.rules.SyncRule;
import org.stockbridge.rules.store.SyncRules;

/**
 * hub-to-shop with WireMock as a WooCommerce shop ({@code woo-push}) and a shop in dry-run ({@code woo-dry}).
 * Each test uses its own products and shop ids, so the routes' continuous polling of the shared outbox never
 * mixes tests up.
 */
@HubTest
@DirtiesContext // the routes poll WireMock, which stops with this class
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
    static final String BASIC = "Basic " + Base64.getEncoder().encodeToString((KEY + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
    static final String BATCH = "/wp-json/wc/v3/products/batch";

    static final WireMockServer WOO = new WireMockServer(options().dynamicPort());

    static {
        WOO.start();
    }

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
    JdbcTemplate jdbc;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Test
    void aStockChangeReachesTheShopAsOneBatchUpdateAndAnUnchangedValueSendsNothing(CapturedOutput output) {
        long id = shopId();
        String sku = linkedProduct("P", "woo-push", id);
        WOO.stubFor(batchWith(id).willReturn(okJson(answer(id))));

        hub.setStock(null, StockChange.set(sku, "main", 7, "test"));

        awaitDone(sku);
        List<LoggedRequest> sent = requestsFor(id);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getBodyAsString()).isEqualToIgnoringWhitespace(
                "{\"update\":[{\"id\":" + id + ",\"stock_quantity\":7,\"manage_stock\":true}]}");
        assertThat(sent.get(0).getHeader("Authorization")).isEqualTo(BASIC);
        SyncRecord out = outRecords(sku).get(0);
        assertThat(out.connection()).isEqualTo("woo-push");
        assertThat(out.field()).isEqualTo("stock");
        assertThat(out.oldValue()).isNull();
        assertThat(out.newValue()).isEqualTo("7");
        assertThat(out.result()).isEqualTo("ok");
        assertThat(out.requestId()).isNotBlank();

        // stock in a warehouse the shop does not sell from: the shop's value stays 7, so nothing is sent
        hub.setStock(null, StockChange.set(sku, "acme", 3, "test"));
        awaitDone(sku);
        assertThat(outboxStates(sku)).containsOnly("done").hasSize(2);
        assertThat(requestsFor(id)).hasSize(1);
        assertThat(outRecords(sku)).hasSize(1);
        assertNoCredentials(output, sku);
    }

    @Test
    void aSyncRuleAtFiftyPercentHalvesWhatIsSent() {
        long id = shopId();
        String sku = linkedProduct("R", "woo-push", id);
        rules.create(SyncRule.builder().name(Skus.fresh("half")).skus(sku).warehouses("main").shops("woo-push")
                .syncRatePercent(50).build());
        WOO.stubFor(batchWith(id).willReturn(okJson(answer(id))));

        hub.setStock(null, StockChange.set(sku, "main", 10, "test"));

        awaitDone(sku);
        WOO.verify(1, postRequestedFor(urlPathEqualTo(BATCH)).withRequestBody(equalToJson(
                "{\"update\":[{\"id\":" + id + ",\"stock_quantity\":5,\"manage_stock\":true}]}")));
        assertThat(outRecords(sku).get(0).reason()).contains("50");
        assertThat(outRecords(sku).get(0).ruleId()).isNotNull();
    }

    @Test
    void aServerErrorKeepsTheEntryForRetryAndTheLaterSuccessSendsItOnce() {
        long id = shopId();
        String sku = linkedProduct("E", "woo-push", id);
        String scenario = "down-" + id;
        WOO.stubFor(batchWith(id).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(serverError().withBody("{\"code\":\"internal_server_error\"}")).willSetStateTo("up"));
        WOO.stubFor(batchWith(id).inScenario(scenario).whenScenarioStateIs("up").willReturn(okJson(answer(id))));

        hub.setStock(null, StockChange.set(sku, "main", 4, "test"));

        awaitDone(sku);
        assertThat(requestsFor(id)).hasSize(2);
        assertThat(outRecords(sku)).extracting(SyncRecord::result).containsExactly("ok", "retried");
        assertThat(outRecords(sku).get(1).reason()).contains("HTTP 500");
    }

    @Test
    void aRefusedItemFailsAloneIsListedAndRetrySendsItOnceFixed() throws Exception {
        long good = shopId();
        long bad = shopId();
        String goodSku = linkedProduct("G", "woo-push", good);
        String badSku = linkedProduct("B", "woo-push", bad);
        WOO.stubFor(batchWith(good).willReturn(okJson("{\"update\":[{\"id\":" + good + ",\"stock_quantity\":1},"
                + "{\"id\":" + bad + ",\"error\":{\"code\":\"woocommerce_rest_product_invalid_id\",\"message\":\"Invalid ID.\","
                + "\"data\":{\"status\":400}}}]}")));

        // one transaction, so both land in one drain and one batch
        hub.applyStock(null, List.of(StockChange.set(goodSku, "main", 1, "test"), StockChange.set(badSku, "main", 2, "test")));

        awaitDone(goodSku);
        JsonNode failure = await().atMost(Duration.ofSeconds(20)).until(() -> failureOf(badSku), f -> f != null);
        assertThat(failure.get("connection").asText()).isEqualTo("woo-push");
        assertThat(failure.get("kind").asText()).isEqualTo("stock");
        assertThat(failure.get("attempts").asInt()).isEqualTo(1);
        assertThat(failure.get("lastError").asText()).contains("Invalid ID.");
        assertThat(failureOf(goodSku)).isNull();
        assertThat(requestsFor(good)).hasSize(1);
        assertThat(outRecords(badSku).get(0).result()).isEqualTo("failed");

        WOO.stubFor(batchWith(bad).atPriority(1).willReturn(okJson(answer(bad))));
        assertThat(http.postForEntity("/api/failures/" + failure.get("id").asLong() + "/retry", null, String.class)
                .getStatusCode().value()).isEqualTo(202);

        awaitDone(badSku);
        assertThat(failureOf(badSku)).isNull();
        assertThat(outRecords(badSku).get(0).result()).isEqualTo("ok");
        List<LoggedRequest> resent = requestsFor(bad);
        assertThat(resent).hasSize(2);
        assertThat(resent.get(1).getBodyAsString()).as("the retry carries the refused item alone").isEqualToIgnoringWhitespace(
                "{\"update\":[{\"id\":" + bad + ",\"stock_quantity\":2,\"manage_stock\":true}]}");
    }

    @Test
    void dryRunWritesTheRequestToAFileAndSendsNothing(CapturedOutput output) throws IOException {
        long id = shopId();
        String sku = linkedProduct("D", "woo-dry", id);

        hub.setStock(null, StockChange.set(sku, "main", 6, "test"));

        awaitDone(sku);
        SyncRecord out = outRecords(sku).get(0);
        assertThat(out.result()).isEqualTo("dry-run");
        Path file = Path.of("target/test-data/dry-run/woo-dry/" + out.requestId() + ".http");
        String request = Files.readString(file);
        assertThat(request).startsWith("POST https://dry.example.com" + BATCH + "\n")
                .contains("Authorization: ****")
                .contains("Content-Type: application/json")
                .contains("\"stock_quantity\":6").contains("\"id\":" + id)
                .doesNotContain(KEY).doesNotContain(SECRET).doesNotContain(BASIC.substring(6));
        assertThat(requestsFor(id)).isEmpty();

        // the shop value was recorded: the same value again is not written again
        hub.setStock(null, StockChange.set(sku, "acme", 1, "test"));
        awaitDone(sku);
        assertThat(outRecords(sku)).hasSize(1);
        assertNoCredentials(output, sku);
    }

    private String linkedProduct(String prefix, String connection, long shopId) {
        String sku = Skus.fresh("PUSH-" + prefix);
        hub.saveProduct(sku, new ProductData(null, prefix, Map.of()));
        hub.link(sku, new Link(connection, String.valueOf(shopId), sku, "manual"));
        return sku;
    }

    /** Random shop ids: on PostgreSQL links of earlier runs stay, and (connection, external id) is unique. */
    private static long shopId() {
        return ThreadLocalRandom.current().nextLong(1_000_000L, 1_000_000_000L);
    }

    private static MappingBuilder batchWith(long id) {
        return post(urlPathEqualTo(BATCH)).withHeader("Authorization", equalTo(BASIC))
                .withRequestBody(matchingJsonPath("$.update[?(@.id == " + id + ")]"));
    }

    private static String answer(long id) {
        return "{\"update\":[{\"id\":" + id + ",\"manage_stock\":true}]}";
    }

    private static List<LoggedRequest> requestsFor(long id) {
        return WOO.findAll(postRequestedFor(urlPathEqualTo(BATCH)).withRequestBody(matchingJsonPath("$.update[?(@.id == " + id + ")]")));
    }

    private void awaitDone(String sku) {
        checks().awaitDone(sku);
    }

    private List<String> outboxStates(String sku) {
        return checks().outboxStates(sku);
    }

    private List<SyncRecord> outRecords(String sku) {
        return checks().outRecords(sku);
    }

    private JsonNode failureOf(String sku) throws IOException {
        return checks().failureOf(sku);
    }

    private PushChecks checks() {
        return new PushChecks(jdbc, hub, http, json);
    }

    private void assertNoCredentials(CapturedOutput output, String... skus) {
        assertThat(output.getAll()).doesNotContain(KEY).doesNotContain(SECRET).doesNotContain(BASIC.substring(6));
        assertThat(Stream.of(skus).flatMap(sku -> outRecords(sku).stream()).map(SyncRecord::reason)
                .collect(Collectors.joining("\n"))).doesNotContain(KEY).doesNotContain(SECRET);
    }
}
