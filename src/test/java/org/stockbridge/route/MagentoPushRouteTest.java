package org.stockbridge.route;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.stockbridge.support.ShopPushes.postsWith;
import static org.stockbridge.support.ShopPushes.postWith;
import static org.stockbridge.support.ShopPushes.startedShop;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

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
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.stockbridge.HubTest;
import org.stockbridge.hub.HubService;
import org.stockbridge.hub.PriceChange;
import org.stockbridge.hub.StockChange;
import org.stockbridge.hub.SyncRecord;
import org.stockbridge.push.Reconciliation;
import org.stockbridge.support.ShopPushes;
import org.stockbridge.support.StopRoutesFirst;

/**
 * hub-to-shop with WireMock as a Magento 2 shop ({@code magento-push}): the exact MSI source-items and base-prices
 * requests, per-item failures in both answer shapes, 429 with Retry-After and a 500 followed by success. Each
 * test links its own fresh SKUs, so the route's continuous drain never mixes tests up.
 */
@HubTest
@DirtiesContext // the route polls WireMock, which stops with this class
@Import(ShopPushes.class)
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
        "stockbridge.push.retry-initial-delay=PT0.1S",
        "stockbridge.connections.magento-push.type=shop", "stockbridge.connections.magento-push.stock=inferior",
        "stockbridge.connections.magento-push.prices=inferior", "stockbridge.connections.magento-push.warehouse=main",
        "stockbridge.connections.magento-push.price-group=retail-pln",
        "stockbridge.connections.magento-push.format=magento",
        "stockbridge.connections.magento-push.settings.accessToken=" + MagentoPushRouteTest.TOKEN,
        "stockbridge.connections.magento-push.settings.sourceCode=pl-krakow",
        "stockbridge.connections.magento-push.settings.requestsPerSecond=20"})
class MagentoPushRouteTest {

    static final String TOKEN = "x1y2z3integrationtoken0987654321";
    static final String SOURCE_ITEMS = "/rest/V1/inventory/source-items";
    static final String BASE_PRICES = "/rest/V1/products/base-prices";

    static final WireMockServer MAGENTO = startedShop();

    @DynamicPropertySource
    static void magento(DynamicPropertyRegistry registry) {
        registry.add("stockbridge.connections.magento-push.settings.baseUrl", MAGENTO::baseUrl);
    }

    @RegisterExtension
    static final AfterAllCallback STOP_MAGENTO = StopRoutesFirst.then(MAGENTO::stop);

    @Autowired
    HubService hub;

    @Autowired
    ShopPushes pushes;

    @Autowired
    ObjectMapper json;

    @Autowired
    TestRestTemplate http;

    @Test
    void stockAndPriceGoOutKeyedByTheShopsSkuWithTheBearerToken(CapturedOutput output) {
        String sku = pushes.linkedProduct("PUSH-MG", "magento-push", "shop-sku-" + System.nanoTime());
        String shopSku = hub.product(sku).links().get(0).externalId();
        MAGENTO.stubFor(sending(SOURCE_ITEMS, "sourceItems", shopSku).willReturn(okJson("[]")));
        MAGENTO.stubFor(sending(BASE_PRICES, "prices", shopSku).willReturn(okJson("[]")));

        hub.setStock(null, StockChange.set(sku, "main", 7, "test"));
        pushes.awaitDone(sku);
        hub.setPrice(null, new PriceChange(sku, "retail-pln", new BigDecimal("19.99"), "test"));
        pushes.awaitDone(sku);

        List<LoggedRequest> stock = requests(SOURCE_ITEMS, "sourceItems", shopSku);
        assertThat(stock).singleElement().satisfies(request -> {
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(request.getHeader("Content-Type")).startsWith("application/json");
            assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        });
        assertThat(json(stock.get(0))).isEqualTo(json("{\"sourceItems\":[{\"sku\":\"" + shopSku
                + "\",\"source_code\":\"pl-krakow\",\"quantity\":7,\"status\":1}]}"));
        List<LoggedRequest> prices = requests(BASE_PRICES, "prices", shopSku);
        assertThat(prices).singleElement();
        assertThat(json(prices.get(0))).isEqualTo(json("{\"prices\":[{\"sku\":\"" + shopSku
                + "\",\"price\":19.99,\"store_id\":0}]}"));
        assertThat(pushes.outRecords(sku)).extracting(SyncRecord::field, SyncRecord::newValue, SyncRecord::result)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("price", "19.99", "ok"),
                        org.assertj.core.groups.Tuple.tuple("stock", "7", "ok"));
        pushes.assertNoCredentials(output, List.of(TOKEN), sku);
    }

    @Test
    void aPriceMagentoRefusesFailsAloneAndTheOtherIsSaved() {
        String good = pushes.linkedProduct("PUSH-MGG", "magento-push", "good-" + System.nanoTime());
        String bad = pushes.linkedProduct("PUSH-MGB", "magento-push", "bad-" + System.nanoTime());
        String goodSku = hub.product(good).links().get(0).externalId();
        String badSku = hub.product(bad).links().get(0).externalId();
        // BasePriceStorage's answer for a SKU the catalog does not have
        MAGENTO.stubFor(sending(BASE_PRICES, "prices", goodSku).willReturn(okJson("[{\"message\":\"Invalid attribute "
                + "%fieldName = %fieldValue.\",\"parameters\":{\"fieldName\":\"SKU\",\"fieldValue\":\"" + badSku + "\"}}]")));

        hub.applyPrices(null, List.of(new PriceChange(good, "retail-pln", new BigDecimal("10.00"), "test"),
                new PriceChange(bad, "retail-pln", new BigDecimal("11.00"), "test")));

        pushes.awaitDone(good);
        JsonNode failure = pushes.awaitFailure(bad);
        assertThat(failure.get("connection").asText()).isEqualTo("magento-push");
        assertThat(failure.get("lastError").asText())
                .contains("Magento: Invalid attribute SKU = " + badSku + ".");
        assertThat(pushes.failureOf(good)).isNull();
        assertThat(requests(BASE_PRICES, "prices", goodSku)).singleElement()
                .satisfies(request -> assertThat(request.getBodyAsString()).contains(badSku));
        assertThat(pushes.outRecords(good).get(0).result()).isEqualTo("ok");
        assertThat(pushes.outRecords(bad).get(0).result()).isEqualTo("failed");
    }

    @Test
    void aSourceItemMagentoRefusesFailsAloneAndItsBatchmateIsResentWithoutIt() {
        String good = pushes.linkedProduct("PUSH-MSG", "magento-push", "src-good-" + System.nanoTime());
        String bad = pushes.linkedProduct("PUSH-MSB", "magento-push", "src-bad-" + System.nanoTime());
        String goodSku = hub.product(good).links().get(0).externalId();
        String badSku = hub.product(bad).links().get(0).externalId();
        MAGENTO.stubFor(sending(SOURCE_ITEMS, "sourceItems", badSku).atPriority(1).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                // as MSI's save handler answers: the first validation error folded into the message
                .withBody("{\"message\":\"Validation Failed: Product with requested \\\"sku\\\": \\\"" + badSku
                        + "\\\" was was not found.\"}")));
        MAGENTO.stubFor(sending(SOURCE_ITEMS, "sourceItems", goodSku).atPriority(2).willReturn(okJson("[]")));

        hub.applyStock(null, List.of(StockChange.set(good, "main", 3, "test"), StockChange.set(bad, "main", 4, "test")));

        pushes.awaitDone(good);
        assertThat(pushes.awaitFailure(bad).get("lastError").asText())
                .contains("Magento: Validation Failed: Product with requested \"sku\": \"" + badSku + "\" was was not found.");
        List<LoggedRequest> sent = requests(SOURCE_ITEMS, "sourceItems", goodSku);
        assertThat(sent).hasSize(2);
        assertThat(json(sent.get(1))).as("the retry carries the valid item alone").isEqualTo(json(
                "{\"sourceItems\":[{\"sku\":\"" + goodSku + "\",\"source_code\":\"pl-krakow\",\"quantity\":3,\"status\":1}]}"));
        assertThat(pushes.outRecords(good)).extracting(SyncRecord::result).containsExactly("ok", "retried");
        assertThat(pushes.outRecords(good).get(1).reason()).contains("Magento refused the whole batch because of " + badSku);
    }

    /**
     * Each 429 reaches the format (HttpClient never re-sends by itself: route/ShopHttpClient) and the outbox entry
     * waits for {@code Retry-After} before the hub sends the value again.
     */
    @Test
    void tooManyRequestsWaitsForRetryAfterThenSends() {
        String sku = pushes.linkedProduct("PUSH-MGR", "magento-push", "slow-" + System.nanoTime());
        String shopSku = hub.product(sku).links().get(0).externalId();
        String scenario = "busy-" + shopSku;
        MAGENTO.stubFor(sending(SOURCE_ITEMS, "sourceItems", shopSku).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("still busy"));
        MAGENTO.stubFor(sending(SOURCE_ITEMS, "sourceItems", shopSku).inScenario(scenario)
                .whenScenarioStateIs("still busy")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("free"));
        MAGENTO.stubFor(sending(SOURCE_ITEMS, "sourceItems", shopSku).inScenario(scenario)
                .whenScenarioStateIs("free").willReturn(okJson("[]")));

        hub.setStock(null, StockChange.set(sku, "main", 0, "test"));

        pushes.awaitDone(sku);
        List<LoggedRequest> sent = requests(SOURCE_ITEMS, "sourceItems", shopSku);
        assertThat(sent).hasSize(3);
        assertThat(json(sent.get(2))).isEqualTo(json(sent.get(0)));
        assertThat(json(sent.get(2)).at("/sourceItems/0/status").asInt()).isZero();
        assertThat(pushes.outRecords(sku)).extracting(SyncRecord::result).containsExactly("ok", "retried", "retried");
        assertThat(pushes.outRecords(sku).get(1).reason()).contains("HTTP 429");
        assertThat(Duration.between(sent.get(0).getLoggedDate().toInstant(), sent.get(1).getLoggedDate().toInstant()))
                .as("the hub waits for Retry-After after the first 429 too").isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        // the hub's own retry delay is 0.1 s here: the third request a full second after the second is Retry-After's doing
        assertThat(Duration.between(sent.get(1).getLoggedDate().toInstant(), sent.get(2).getLoggedDate().toInstant()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aServerErrorIsRetriedAndTheLaterSuccessSendsTheValueOnce() {
        String sku = pushes.linkedProduct("PUSH-MGE", "magento-push", "down-" + System.nanoTime());
        String shopSku = hub.product(sku).links().get(0).externalId();
        String scenario = "down-" + shopSku;
        MAGENTO.stubFor(sending(BASE_PRICES, "prices", shopSku).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(serverError().withBody("{\"message\":\"Internal Error. Details are available in Magento log file.\"}"))
                .willSetStateTo("up"));
        MAGENTO.stubFor(sending(BASE_PRICES, "prices", shopSku).inScenario(scenario).whenScenarioStateIs("up")
                .willReturn(okJson("[]")));

        hub.setPrice(null, new PriceChange(sku, "retail-pln", new BigDecimal("5.50"), "test"));

        pushes.awaitDone(sku);
        assertThat(requests(BASE_PRICES, "prices", shopSku)).hasSize(2);
        assertThat(pushes.outRecords(sku)).extracting(SyncRecord::result).containsExactly("ok", "retried");
        assertThat(pushes.outRecords(sku).get(1).reason()).contains("HTTP 500: Internal Error.");
    }

    @Test
    void reconciliationReadsPricesFromTheProductListAndQuantitiesFromTheSourceItemsAndCorrectsBoth() {
        String sku = pushes.linkedProduct("PUSH-MGC", "magento-push", "again-" + System.nanoTime());
        String shopSku = hub.product(sku).links().get(0).externalId();
        MAGENTO.stubFor(sending(SOURCE_ITEMS, "sourceItems", shopSku).willReturn(okJson("[]")));
        MAGENTO.stubFor(sending(BASE_PRICES, "prices", shopSku).willReturn(okJson("[]")));
        hub.setStock(null, StockChange.set(sku, "main", 3, "test"));
        hub.setPrice(null, new PriceChange(sku, "retail-pln", new BigDecimal("19.99"), "test"));
        pushes.awaitDone(sku);
        // someone changed the product in Magento's admin since: the list shows its price, the source item its quantity
        MAGENTO.stubFor(get(urlPathEqualTo("/rest/V1/products")).willReturn(okJson("{\"items\":[{\"id\":7,\"sku\":\""
                + shopSku + "\",\"name\":\"Mug\",\"price\":17.5,\"type_id\":\"simple\"}],\"total_count\":1}")));
        MAGENTO.stubFor(get(urlPathEqualTo(SOURCE_ITEMS)).willReturn(okJson("{\"items\":[{\"sku\":\"" + shopSku
                + "\",\"source_code\":\"pl-krakow\",\"quantity\":5,\"status\":1}],\"total_count\":1}")));

        assertThat(http.postForEntity("/api/shops/magento-push/reconcile", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);

        await().atMost(Duration.ofSeconds(20)).until(() -> requests(SOURCE_ITEMS, "sourceItems", shopSku).size() == 2
                && requests(BASE_PRICES, "prices", shopSku).size() == 2);
        pushes.awaitDone(sku);
        assertThat(MAGENTO.findAll(getRequestedFor(urlPathEqualTo(SOURCE_ITEMS)))).singleElement().satisfies(read -> {
            assertThat(read.queryParameter("searchCriteria[filter_groups][0][filters][0][field]").firstValue()).isEqualTo("source_code");
            assertThat(read.queryParameter("searchCriteria[filter_groups][0][filters][0][value]").firstValue()).isEqualTo("pl-krakow");
            assertThat(read.queryParameter("searchCriteria[filter_groups][1][filters][0][field]").firstValue()).isEqualTo("sku");
            assertThat(read.queryParameter("searchCriteria[filter_groups][1][filters][0][value]").firstValue()).isEqualTo(shopSku);
            assertThat(read.queryParameter("searchCriteria[filter_groups][1][filters][0][condition_type]").firstValue()).isEqualTo("in");
            assertThat(read.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        });
        assertThat(json(requests(SOURCE_ITEMS, "sourceItems", shopSku).get(1))).isEqualTo(json("{\"sourceItems\":[{\"sku\":\""
                + shopSku + "\",\"source_code\":\"pl-krakow\",\"quantity\":3,\"status\":1}]}"));
        assertThat(json(requests(BASE_PRICES, "prices", shopSku).get(1))).isEqualTo(json("{\"prices\":[{\"sku\":\""
                + shopSku + "\",\"price\":19.99,\"store_id\":0}]}"));
        assertThat(pushes.outRecords(sku)).filteredOn(r -> r.result().equals(Reconciliation.CORRECTION))
                .extracting(SyncRecord::field, SyncRecord::oldValue, SyncRecord::newValue)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("stock", "5", "3"),
                        org.assertj.core.groups.Tuple.tuple("price", "17.50", "19.99"));
    }

    private static MappingBuilder sending(String path, String list, String shopSku) {
        return postWith(path, "Authorization", "Bearer " + TOKEN, item(list, shopSku));
    }

    private static List<LoggedRequest> requests(String path, String list, String shopSku) {
        return postsWith(MAGENTO, path, item(list, shopSku));
    }

    /** Where a request body's {@code list} holds the item of {@code shopSku}. */
    private static String item(String list, String shopSku) {
        return "$." + list + "[?(@.sku == '" + shopSku + "')]";
    }

    private JsonNode json(LoggedRequest request) {
        return json(request.getBodyAsString());
    }

    private JsonNode json(String text) {
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
