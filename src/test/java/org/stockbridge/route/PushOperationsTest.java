package org.stockbridge.route;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.stockbridge.support.ShopPushes.basic;
import static org.stockbridge.support.ShopPushes.shopId;
import static org.stockbridge.support.ShopPushes.startedShop;
import static org.stockbridge.support.ShopPushes.WOO_BATCH;
import static org.stockbridge.support.ShopPushes.wooBatchesFor;
import static org.stockbridge.support.ShopPushes.wooBatchWith;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.DisableJmx;
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
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.stockbridge.HubTest;
import org.stockbridge.Skus;
import org.stockbridge.hub.HubService;
import org.stockbridge.hub.PriceChange;
import org.stockbridge.hub.ReconcileRequestStore;
import org.stockbridge.hub.StockChange;
import org.stockbridge.hub.SyncRecord;
import org.stockbridge.hub.SyncRecordQuery;
import org.stockbridge.hub.SyncRecordRetention;
import org.stockbridge.hub.SyncRecordStore;
import org.stockbridge.support.FormFields;
import org.stockbridge.support.ShopPushes;
import org.stockbridge.support.StopRoutesFirst;

/**
 * The hardening of hub-to-shop against real routes and two WireMock WooCommerce shops: {@code woo-flaky} (its own
 * server, whose failures open its circuit breaker) next to {@code woo-steady}, and {@code woo-priced} on the steady
 * server with a price multiplier and rounding, reconciled on demand. Also the sync-record retention and the JMX
 * operations Hawtio calls. Each test uses its own products and shop ids.
 */
@HubTest
@DisableJmx(false)
@DirtiesContext // the routes poll WireMock, which stops with this class
@Import(ShopPushes.class)
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
        "spring.jmx.enabled=true", // Spring Boot's tests switch JMX off; the application runs with it on
        // other test contexts kept alive in this JVM (HawtioTest) registered stockbridge:name=… already
        "spring.jmx.unique-names=true",
        "stockbridge.push.retry-initial-delay=PT0.1S",
        "stockbridge.push.retry-max-delay=PT0.2S",
        "stockbridge.push.breaker.failures=3",
        "stockbridge.push.breaker.open-for=PT3S",
        "stockbridge.sync-records.delete-batch=2",
        "stockbridge.connections.woo-flaky.type=shop", "stockbridge.connections.woo-flaky.stock=inferior",
        "stockbridge.connections.woo-flaky.warehouse=main", "stockbridge.connections.woo-flaky.format=woocommerce",
        "stockbridge.connections.woo-flaky.settings.consumerKey=" + PushOperationsTest.KEY,
        "stockbridge.connections.woo-flaky.settings.consumerSecret=" + PushOperationsTest.SECRET,
        "stockbridge.connections.woo-steady.type=shop", "stockbridge.connections.woo-steady.stock=inferior",
        "stockbridge.connections.woo-steady.warehouse=main", "stockbridge.connections.woo-steady.format=woocommerce",
        "stockbridge.connections.woo-steady.settings.consumerKey=" + PushOperationsTest.KEY,
        "stockbridge.connections.woo-steady.settings.consumerSecret=" + PushOperationsTest.SECRET,
        "stockbridge.connections.woo-priced.type=shop", "stockbridge.connections.woo-priced.stock=inferior",
        "stockbridge.connections.woo-priced.prices=inferior", "stockbridge.connections.woo-priced.warehouse=main",
        "stockbridge.connections.woo-priced.price-group=retail-pln", "stockbridge.connections.woo-priced.format=woocommerce",
        "stockbridge.connections.woo-priced.price-multiplier=1.23", "stockbridge.connections.woo-priced.price-rounding=.99",
        "stockbridge.connections.woo-priced.reconcile-interval=PT1H",
        "stockbridge.connections.woo-priced.settings.consumerKey=" + PushOperationsTest.KEY,
        "stockbridge.connections.woo-priced.settings.consumerSecret=" + PushOperationsTest.SECRET,
        "stockbridge.connections.woo-shared.type=shop", "stockbridge.connections.woo-shared.stock=inferior",
        "stockbridge.connections.woo-shared.warehouse=main", "stockbridge.connections.woo-shared.format=woocommerce",
        "stockbridge.connections.woo-shared.settings.requestsPerSecond=2",
        "stockbridge.connections.woo-shared.settings.batchSize=1",
        "stockbridge.connections.woo-shared.settings.consumerKey=" + PushOperationsTest.KEY,
        "stockbridge.connections.woo-shared.settings.consumerSecret=" + PushOperationsTest.SECRET,
        "stockbridge.connections.bl-reconciled.type=shop", "stockbridge.connections.bl-reconciled.stock=inferior",
        "stockbridge.connections.bl-reconciled.prices=inferior", "stockbridge.connections.bl-reconciled.warehouse=main",
        "stockbridge.connections.bl-reconciled.price-group=retail-pln", "stockbridge.connections.bl-reconciled.format=baselinker",
        "stockbridge.connections.bl-reconciled.settings.token=" + PushOperationsTest.BL_TOKEN,
        "stockbridge.connections.bl-reconciled.settings.inventoryId=307",
        "stockbridge.connections.bl-reconciled.settings.warehouseId=bl_206",
        "stockbridge.connections.bl-reconciled.settings.priceGroupId=105"})
class PushOperationsTest {

    static final String KEY = "ck_7a1e0c5b93d24f8e";
    static final String SECRET = "cs_3d9c7e4a1b2f4c0b";
    static final String BASIC = basic(KEY, SECRET);
    static final String PRODUCTS = "/wp-json/wc/v3/products";
    static final String BL_TOKEN = "3001234-3007654-RECONCILETOKEN0123456";
    static final String BL_ENDPOINT = "/connector.php";

    static final WireMockServer FLAKY = startedShop();
    static final WireMockServer STEADY = startedShop();
    static final WireMockServer SHARED = startedShop();
    static final WireMockServer BL = startedShop();

    @DynamicPropertySource
    static void shops(DynamicPropertyRegistry registry) {
        registry.add("stockbridge.connections.woo-flaky.settings.baseUrl", FLAKY::baseUrl);
        registry.add("stockbridge.connections.woo-steady.settings.baseUrl", STEADY::baseUrl);
        registry.add("stockbridge.connections.woo-priced.settings.baseUrl", STEADY::baseUrl);
        registry.add("stockbridge.connections.woo-shared.settings.baseUrl", SHARED::baseUrl);
        registry.add("stockbridge.connections.bl-reconciled.settings.baseUrl", () -> BL.baseUrl() + BL_ENDPOINT);
    }

    @RegisterExtension
    static final AfterAllCallback STOP_SHOPS = StopRoutesFirst.then(() -> {
        FLAKY.stop();
        STEADY.stop();
        SHARED.stop();
        BL.stop();
    });

    @Autowired
    HubService hub;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ShopPushes pushes;

    @Autowired
    ObjectMapper json;

    @Autowired
    CamelContext camel;

    @Autowired
    SyncRecordStore syncRecords;

    @Autowired
    SyncRecordRetention retention;

    @Autowired
    Clock clock;

    @Autowired
    ReconcileRequestStore reconcileRequests;

    @Test
    void aFailingShopIsPausedWhileAHealthyOneKeepsReceivingAndResumesOnceItAnswers(CapturedOutput output) throws Exception {
        long flakyId = shopId();
        long steadyId = shopId();
        String flakySku = pushes.linkedProduct("OPS-F", "woo-flaky", flakyId);
        String steadySku = pushes.linkedProduct("OPS-S", "woo-steady", steadyId);
        FLAKY.stubFor(post(urlPathEqualTo(WOO_BATCH)).willReturn(serverError().withBody("{\"code\":\"internal_server_error\"}")));
        STEADY.stubFor(wooBatchWith(BASIC, steadyId).willReturn(okJson(answer(steadyId))));

        hub.setStock(null, StockChange.set(flakySku, "main", 4, "test"));

        // the breaker opens as the third answer is read, the value is back in the outbox once that answer is recorded
        JsonNode open = await().atMost(Duration.ofSeconds(20)).until(() -> status("woo-flaky"),
                s -> s.at("/breaker/state").asText().equals("OPEN") && s.at("/outbox/sending").asInt() == 0);
        assertThat(FLAKY.findAll(postRequestedFor(urlPathEqualTo(WOO_BATCH)))).as("opened after the configured 3 failures").hasSize(3);
        assertThat(open.at("/breaker/failuresInARow").asInt()).isEqualTo(3);
        assertThat(open.at("/breaker/lastFailure").asText()).contains("HTTP 500");
        assertThat(open.at("/outbox/pending").asInt()).as("the value waits in the outbox").isEqualTo(1);
        assertThat(open.at("/outbox/failed").asInt()).isZero();

        // meanwhile the healthy shop is served as usual
        hub.setStock(null, StockChange.set(steadySku, "main", 9, "test"));
        await().atMost(Duration.ofSeconds(10)).until(() -> pushes.outboxStates(steadySku), List::isEmpty);
        assertThat(wooBatchesFor(STEADY, steadyId)).hasSize(1);
        assertThat(FLAKY.findAll(postRequestedFor(urlPathEqualTo(WOO_BATCH)))).as("nothing sent to the paused shop").hasSize(3);

        // the shop recovers: the half-open trial succeeds and closes the breaker
        FLAKY.resetMappings();
        FLAKY.stubFor(post(urlPathEqualTo(WOO_BATCH)).willReturn(okJson(answer(flakyId))));
        await().atMost(Duration.ofSeconds(20)).until(() -> pushes.outboxStates(flakySku), List::isEmpty);
        JsonNode closed = status("woo-flaky");
        assertThat(closed.at("/breaker/state").asText()).isEqualTo("CLOSED");
        assertThat(closed.at("/breaker/timesOpened").asInt()).isEqualTo(1);
        assertThat(pushes.outRecords(flakySku).get(0).result()).isEqualTo("ok");
        assertThat(pushes.outRecords(flakySku).get(0).newValue()).isEqualTo("4");

        assertThat(lines(output, "woo-flaky: circuit breaker opened after 3 failed requests in a row")).hasSize(1);
        assertThat(lines(output, "woo-flaky: circuit breaker opened")).first().asString().contains("HTTP 500");
        assertThat(lines(output, "woo-flaky: circuit breaker closed")).hasSize(1);
        pushes.assertNoCredentials(output, List.of(KEY, SECRET), flakySku, steadySku);

        JsonNode states = jolokia("{\"type\":\"read\",\"mbean\":\"" + mbean("shopBreakers") + "\",\"attribute\":\"States\"}");
        assertThat(states.get("value").toString()).contains("woo-flaky: CLOSED").contains("opened 1 times");
    }

    @Test
    void aPriceIsSentMultipliedAndRounded() {
        long id = shopId();
        String sku = pushes.linkedProduct("OPS-M", "woo-priced", id);
        STEADY.stubFor(wooBatchWith(BASIC, id).willReturn(okJson(answer(id))));

        hub.setPrice(null, new PriceChange(sku, "retail-pln", new BigDecimal("10.00"), "test"));

        pushes.awaitDone(sku);
        List<LoggedRequest> sent = wooBatchesFor(STEADY, id);
        assertThat(sent).hasSize(1);
        // 10.00 × 1.23 = 12.30, rounded up to the next .99
        assertThat(sent.get(0).getBodyAsString()).isEqualToIgnoringWhitespace(
                "{\"update\":[{\"id\":" + id + ",\"regular_price\":\"12.99\"}]}");
        SyncRecord out = pushes.outRecords(sku).get(0);
        assertThat(out.field()).isEqualTo("price");
        assertThat(out.newValue()).isEqualTo("12.99");
        assertThat(out.reason()).contains("price group retail-pln: 10.00 × 1.23, rounded ending_99");
    }

    @Test
    void reconciliationCorrectsAValueTheShopShowsWrongAndRecordsWhatItShowed() throws Exception {
        long id = shopId();
        long other = shopId();
        String sku = pushes.linkedProduct("OPS-C", "woo-priced", id);
        STEADY.stubFor(wooBatchWith(BASIC, id).willReturn(okJson(answer(id))));
        hub.setStock(null, StockChange.set(sku, "main", 8, "test"));
        hub.setPrice(null, new PriceChange(sku, "retail-pln", new BigDecimal("10.00"), "test"));
        pushes.awaitDone(sku);
        assertThat(wooBatchesFor(STEADY, id)).hasSize(2);

        // someone set the stock to 5 in the shop's admin; the price is still what the hub sent
        STEADY.stubFor(get(urlPathEqualTo(PRODUCTS)).withQueryParam("page", equalTo("1"))
                .willReturn(okJson("[{\"id\":" + id + ",\"sku\":\"" + sku + "\",\"manage_stock\":true,\"stock_quantity\":5,"
                        + "\"regular_price\":\"12.99\",\"name\":\"C\"},{\"id\":" + other + ",\"sku\":\"NOT-LINKED\","
                        + "\"manage_stock\":true,\"stock_quantity\":1,\"regular_price\":\"1.00\"}]")
                        .withHeader("X-WP-TotalPages", "1")));

        assertThat(http.postForEntity("/api/shops/woo-priced/reconcile", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);

        await().atMost(Duration.ofSeconds(20)).until(() -> wooBatchesFor(STEADY, id).size() == 3);
        pushes.awaitDone(sku);
        assertThat(STEADY.findAll(getRequestedFor(urlPathEqualTo(PRODUCTS)).withHeader("Authorization", equalTo(BASIC))
                .withQueryParam("per_page", equalTo("100")).withQueryParam("page", equalTo("2")))).as("one page only").isEmpty();
        assertThat(wooBatchesFor(STEADY, id).get(2).getBodyAsString()).isEqualToIgnoringWhitespace(
                "{\"update\":[{\"id\":" + id + ",\"stock_quantity\":8,\"manage_stock\":true}]}");
        List<SyncRecord> out = pushes.outRecords(sku);
        SyncRecord correction = out.stream().filter(r -> r.result().equals("correction")).findFirst().orElseThrow();
        assertThat(out).filteredOn(r -> r.result().equals("correction")).as("the price was right").hasSize(1);
        assertThat(correction.field()).isEqualTo("stock");
        assertThat(correction.oldValue()).isEqualTo("5");
        assertThat(correction.newValue()).isEqualTo("8");
        assertThat(correction.reason()).startsWith("reconciliation: the shop showed 5, the hub computes 8");
        SyncRecord resent = out.get(0);
        assertThat(resent.result()).isEqualTo("ok");
        assertThat(resent.oldValue()).as("the shop's observed value").isEqualTo("5");
        assertThat(resent.newValue()).isEqualTo("8");
        assertThat(camel.getRoute("reconcile-woo-priced-schedule")).as("reconcile-interval schedules it").isNotNull();
        assertThat(camel.getRoute("reconcile-woo-steady-schedule")).as("no interval: on demand only").isNull();
    }

    @Test
    void baseLinkerIsReconciledFromItsProductListsStockOfTheWarehouseAndPriceOfThePriceGroup() throws Exception {
        long id = shopId();
        String sku = pushes.linkedProduct("OPS-B", "bl-reconciled", id);
        BL.stubFor(post(urlPathEqualTo(BL_ENDPOINT)).withRequestBody(containing("method=updateInventoryProducts"))
                .willReturn(okJson("{\"status\":\"SUCCESS\",\"warnings\":{}}")));
        hub.setStock(null, StockChange.set(sku, "main", 8, "test"));
        hub.setPrice(null, new PriceChange(sku, "retail-pln", new BigDecimal("10.00"), "test"));
        pushes.awaitDone(sku);
        assertThat(blCalls("updateInventoryProductsStock")).hasSize(1);

        // someone set the stock of bl_206 to 5 in BaseLinker; the other warehouse and price group are not the hub's
        BL.stubFor(post(urlPathEqualTo(BL_ENDPOINT)).withRequestBody(containing("method=getInventoryProductsList"))
                .willReturn(okJson("{\"status\":\"SUCCESS\",\"products\":{\"" + id + "\":{\"id\":" + id + ",\"sku\":\"" + sku
                        + "\",\"ean\":\"\",\"name\":\"B\",\"prices\":{\"104\":7.5,\"105\":10},\"stock\":{\"bl_205\":3,\"bl_206\":5}}}}")));

        assertThat(http.postForEntity("/api/shops/bl-reconciled/reconcile", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);

        await().atMost(Duration.ofSeconds(20)).until(() -> blCalls("updateInventoryProductsStock").size() == 2);
        pushes.awaitDone(sku);
        JsonNode listed = json.readTree(FormFields.decode(blCalls("getInventoryProductsList").get(0).getBodyAsString())
                .get("parameters"));
        assertThat(listed.toString()).isEqualTo("{\"inventory_id\":307,\"page\":1,\"include_variants\":true}");
        String eight = "{\"inventory_id\":307,\"products\":{\"" + id + "\":{\"bl_206\":8}}}";
        assertThat(blCalls("updateInventoryProductsStock")).extracting(call -> FormFields.decode(call.getBodyAsString())
                .get("parameters")).as("the push, then the correction").containsExactly(eight, eight);
        assertThat(blCalls("updateInventoryProductsPrices")).as("10 is the 10.00 the hub sent").hasSize(1);
        List<SyncRecord> corrections = pushes.outRecords(sku).stream().filter(r -> r.result().equals("correction")).toList();
        assertThat(corrections).extracting(SyncRecord::field, SyncRecord::oldValue, SyncRecord::newValue)
                .containsExactly(tuple("stock", "5", "8"));
    }

    /** The calls of one BaseLinker method the stand-in received. */
    private static List<LoggedRequest> blCalls(String method) {
        return BL.findAll(postRequestedFor(urlPathEqualTo(BL_ENDPOINT)).withRequestBody(containing("method=" + method)));
    }

    @Test
    void reconciliationRetriesFailedValuesAndIsAFullPushWhereValuesCannotBeRead() throws Exception {
        long refusedId = shopId();
        String refused = pushes.linkedProduct("OPS-R", "woo-priced", refusedId);
        STEADY.stubFor(wooBatchWith(BASIC, refusedId).willReturn(okJson("{\"update\":[{\"id\":" + refusedId + ",\"error\":{"
                + "\"code\":\"woocommerce_rest_product_invalid_id\",\"message\":\"Invalid ID.\",\"data\":{\"status\":400}}}]}")));
        hub.setStock(null, StockChange.set(refused, "main", 6, "test"));
        pushes.awaitDone(refused);
        assertThat(pushes.outboxStates(refused)).containsExactly("failed");
        STEADY.stubFor(get(urlPathEqualTo(PRODUCTS)).withQueryParam("page", equalTo("1"))
                .willReturn(okJson("[]").withHeader("X-WP-TotalPages", "1")));
        STEADY.stubFor(wooBatchWith(BASIC, refusedId).atPriority(1).willReturn(okJson(answer(refusedId))));

        http.postForEntity("/api/shops/woo-priced/reconcile", null, String.class);

        await().atMost(Duration.ofSeconds(20)).until(() -> pushes.outboxStates(refused), List::isEmpty);
        assertThat(pushes.outRecords(refused).get(0).result()).isEqualTo("ok");
        assertThat(wooBatchesFor(STEADY, refusedId)).hasSize(2);

        // the example shop is in dry-run: its values cannot be read back, so reconciling it pushes every linked product
        String dry = pushes.linkedProduct("OPS-Y", "example-shop", shopId());
        hub.setStock(null, StockChange.set(dry, "main", 1, "test"));
        pushes.awaitDone(dry);
        http.postForEntity("/api/shops/example-shop/reconcile", null, String.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> pushes.outRecords(dry).size() == 2);
        assertThat(pushes.outRecords(dry).get(0).reason()).endsWith("(sync now)");
        assertThat(pushes.outRecords(dry).get(0).result()).isEqualTo("dry-run");
        assertThat(http.postForEntity("/api/shops/acme/reconcile", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aReconciliationBesideAPushKeepsTheShopWithinItsOneLimit() throws Exception {
        int pages = 10; // five seconds of pages: time enough for the pushes to come in between, even on a busy machine
        for (int page = 1; page <= pages; page++) {
            SHARED.stubFor(get(urlPathEqualTo(PRODUCTS)).withQueryParam("page", equalTo(String.valueOf(page)))
                    .willReturn(okJson("[{\"id\":" + shopId() + ",\"sku\":\"NOT-LINKED-" + page
                            + "\",\"manage_stock\":true,\"stock_quantity\":1}]").withHeader("X-WP-TotalPages", String.valueOf(pages))));
        }
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long id = shopId();
            skus.add(pushes.linkedProduct("OPS-L" + i, "woo-shared", id));
            SHARED.stubFor(wooBatchWith(BASIC, id).willReturn(okJson(answer(id))));
        }

        // the shop takes 2 requests a second; ten pages and six pushes (batches of one) want it at the same time
        http.postForEntity("/api/shops/woo-shared/reconcile", null, String.class);
        skus.forEach(sku -> hub.setStock(null, StockChange.set(sku, "main", 4, "test")));
        skus.forEach(pushes::awaitDone);
        await().atMost(Duration.ofSeconds(30)).until(() -> !SHARED.findAll(getRequestedFor(urlPathEqualTo(PRODUCTS))
                .withQueryParam("page", equalTo(String.valueOf(pages)))).isEmpty());

        List<LoggedRequest> arrived = SHARED.getAllServeEvents().stream().map(ServeEvent::getRequest)
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
        List<Integer> pagesAt = new ArrayList<>();
        List<Integer> pushesAt = new ArrayList<>();
        for (int i = 0; i < arrived.size(); i++) {
            (RequestMethod.POST.equals(arrived.get(i).getMethod()) ? pushesAt : pagesAt).add(i);
        }
        assertThat(pagesAt).hasSize(pages);
        // each new link may already have sent its stock of 0 before the 4 came: at least one push per product
        assertThat(pushesAt).hasSizeGreaterThanOrEqualTo(skus.size());
        assertThat(skus).allSatisfy(sku -> assertThat(pushes.outRecords(sku).get(0).newValue()).isEqualTo("4"));
        assertThat(pushesAt.get(0)).as("the push went on while the pages were read").isLessThan(pagesAt.get(pages - 1));
        for (int i = 2; i < arrived.size(); i++) {
            long within = arrived.get(i).getLoggedDate().getTime() - arrived.get(i - 2).getLoggedDate().getTime();
            // the shop's clock has milliseconds: three arrivals a full period apart may show one less
            assertThat(within).as("requests %d to %d (%s, %s)", i - 2, i, arrived.get(i - 2).getUrl(), arrived.get(i).getUrl())
                    .isGreaterThanOrEqualTo(999);
        }
    }

    @Test
    void aReconciliationAskedTwiceWaitsOnceAndARunDoesOnlyTheRequestsMadeBeforeItStarted() {
        Instant asked = clock.instant();
        reconcileRequests.request("woo-steady", asked);
        reconcileRequests.request("woo-steady", asked.minusSeconds(5)); // an older request changes nothing

        assertThat(reconcileRequests.waiting("woo-steady")).isTrue();
        assertThat(reconcileRequests.waiting("woo-flaky")).isFalse();
        reconcileRequests.request("woo-steady", asked.plusSeconds(10)); // asked again while a run that began at +5 s reads
        reconcileRequests.done("woo-steady", asked.plusSeconds(5));
        assertThat(reconcileRequests.waiting("woo-steady")).as("asked after the run started: it stays").isTrue();
        reconcileRequests.done("woo-steady", asked.plusSeconds(10));
        assertThat(reconcileRequests.waiting("woo-steady")).isFalse();
    }

    @Test
    void retentionDeletesOnlyRecordsOlderThanItKeepsInBatches() {
        String sku = Skus.fresh("RETAIN");
        Instant now = clock.instant();
        List<SyncRecord> records = new ArrayList<>();
        IntStream.range(0, 5).forEach(i -> records.add(record(sku, now.minus(Duration.ofDays(91 + i)), "old-" + i)));
        records.add(record(sku, now.minus(Duration.ofDays(89)), "recent"));
        records.add(record(sku, now, "new"));
        syncRecords.write(records);

        long deleted = retention.deleteExpired();

        assertThat(deleted).isGreaterThanOrEqualTo(5);
        assertThat(hub.syncRecords(new SyncRecordQuery(sku, null, null, null, 100))).extracting(SyncRecord::reason)
                .containsExactly("new", "recent");
        assertThat(camel.getRoute(SyncRecordRetentionRoutes.ROUTE_ID).getEndpoint().getEndpointUri())
                .startsWith("quartz://stockbridge/sync-record-retention").contains("cron=0+30+3+*+*+?");
    }

    @Test
    void syncNowFromJmxQueuesEveryLinkedProductOfTheShop() throws Exception {
        long id = shopId();
        String sku = pushes.linkedProduct("OPS-J", "woo-steady", id);
        STEADY.stubFor(wooBatchWith(BASIC, id).willReturn(okJson(answer(id))));
        hub.setStock(null, StockChange.set(sku, "main", 2, "test"));
        pushes.awaitDone(sku);

        String syncNow = mbean("syncNow");
        JsonNode answer = jolokia("{\"type\":\"exec\",\"mbean\":\"" + syncNow + "\",\"operation\":\"sync\","
                + "\"arguments\":[\"woo-steady\"]}");

        assertThat(answer.get("value").asText()).endsWith("values queued for woo-steady");
        await().atMost(Duration.ofSeconds(20)).until(() -> wooBatchesFor(STEADY, id).size() == 2);
        pushes.awaitDone(sku);
        assertThat(pushes.outRecords(sku).get(0).reason()).endsWith("(sync now)");
        assertThat(jolokia("{\"type\":\"exec\",\"mbean\":\"" + syncNow + "\",\"operation\":\"sync\","
                + "\"arguments\":[\"nowhere\"]}").get("value").asText()).isEqualTo("nothing queued: unknown connection 'nowhere'");
    }

    @Test
    void theDefaultConfigurationsExampleShopWritesItsRequestsToFiles() throws Exception {
        long id = shopId();
        String sku = pushes.linkedProduct("OPS-X", "example-shop", id);

        hub.setStock(null, StockChange.set(sku, "main", 3, "test"));

        pushes.awaitDone(sku);
        SyncRecord out = pushes.outRecords(sku).get(0);
        assertThat(out.connection()).isEqualTo("example-shop");
        assertThat(out.result()).isEqualTo("dry-run");
        assertThat(Files.readString(Path.of("target/test-data/dry-run/example-shop/" + out.requestId() + ".http")))
                .startsWith("POST https://shop.example.com" + WOO_BATCH + "\n")
                .contains("Authorization: ****").contains("\"stock_quantity\":3").contains("\"id\":" + id);
    }

    private static SyncRecord record(String sku, Instant time, String reason) {
        return new SyncRecord(0, time, SyncRecord.OUT, "woo-steady", sku, "stock", "1", "2", reason, "ok", null, null);
    }

    private static String answer(long id) {
        return "{\"update\":[{\"id\":" + id + "}]}";
    }

    private JsonNode status(String connection) throws Exception {
        ResponseEntity<String> response = http.getForEntity("/api/shops/" + connection + "/status", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    private JsonNode jolokia(String request) throws Exception {
        ResponseEntity<String> response = http.postForEntity("/actuator/jolokia", request, String.class);
        JsonNode body = json.readTree(response.getBody());
        assertThat(body.get("status").asInt()).as(response.getBody()).isEqualTo(200);
        return body;
    }

    /** The bean's object name in this context: {@code stockbridge:name=<name>} plus the identity unique-names adds. */
    private String mbean(String name) throws Exception {
        JsonNode found = jolokia("{\"type\":\"search\",\"mbean\":\"stockbridge:name=" + name + ",*\"}").get("value");
        List<String> names = new ArrayList<>();
        found.forEach(n -> names.add(n.asText()));
        // a context kept alive without unique names (HawtioTest) has the plain name; only this one adds an identity
        return names.stream().filter(n -> n.contains("identity=")).findFirst().orElseThrow();
    }

    private static List<String> lines(CapturedOutput output, String text) {
        return output.getAll().lines().filter(line -> line.contains(text)).toList();
    }
}
