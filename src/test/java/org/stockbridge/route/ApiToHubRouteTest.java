package org.stockbridge.route;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.apache.camel.CamelContext;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.stockbridge.HubTest;
import org.stockbridge.support.StopRoutesFirst;
import org.stockbridge.Skus;
import org.stockbridge.hub.ApiCursorStore;
import org.stockbridge.hub.FeedRun;
import org.stockbridge.hub.FeedRunStore;
import org.stockbridge.hub.HubService;
import org.stockbridge.hub.ProductData;
import org.stockbridge.hub.SyncRecord;
import org.stockbridge.hub.SyncRecordQuery;

/**
 * Superior WooCommerce shops pulled by the api-to-hub template (routes/api/woo.yaml, the shipped
 * mappings/woocommerce-products.yaml), with WireMock playing each shop's REST API.
 */
@HubTest
@DisableJmx(false)
@DirtiesContext // the routes poll WireMock, which stops with this class
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"stockbridge.routes-dir=src/test/resources/routes/api", "stockbridge.mappings-dir=mappings",
        "stockbridge.retry.attempts=2", "stockbridge.retry.initial-delay=50",
        "test.woo.key=" + ApiToHubRouteTest.KEY, "test.woo.secret=" + ApiToHubRouteTest.SECRET,
        "stockbridge.connections.woo-shop.type=shop", "stockbridge.connections.woo-shop.stock=superior",
        "stockbridge.connections.woo-shop.prices=superior",
        "stockbridge.connections.woo-flaky.type=shop", "stockbridge.connections.woo-flaky.stock=superior",
        "stockbridge.connections.woo-flaky.prices=superior",
        "stockbridge.connections.woo-busy.type=shop", "stockbridge.connections.woo-busy.stock=superior",
        "stockbridge.connections.woo-busy.prices=superior",
        "stockbridge.connections.woo-vars.type=shop", "stockbridge.connections.woo-vars.stock=superior",
        "stockbridge.connections.woo-vars.prices=superior",
        "stockbridge.connections.woo-walk.type=shop", "stockbridge.connections.woo-walk.stock=superior",
        "stockbridge.connections.woo-walk.prices=superior",
        "stockbridge.connections.woo-bulk.type=shop", "stockbridge.connections.woo-bulk.stock=superior",
        "stockbridge.connections.woo-bulk.prices=superior"})
class ApiToHubRouteTest {

    static final String KEY = "ck_7f3a9c2e51d04b6b8e2f";
    static final String SECRET = "cs_b41d8e0c97aa4f1e9d3c";
    static final String BASIC = "Basic " + Base64.getEncoder().encodeToString((KEY + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
    static final String PRODUCTS = "/wp-json/wc/v3/products";

    static final WireMockServer WOO = new WireMockServer(options().dynamicPort());

    static {
        WOO.start();
        // whatever no test has set up yet: an empty page (nothing changed)
        WOO.stubFor(get(anyUrl()).atPriority(10).willReturn(okJson("[]")));
    }

    @DynamicPropertySource
    static void woo(DynamicPropertyRegistry registry) {
        registry.add("test.woo.url", WOO::baseUrl);
    }

    /** Runs before Spring closes the context: no pull may find WireMock gone. */
    @RegisterExtension
    static final AfterAllCallback STOP_WOO = StopRoutesFirst.then(WOO::stop);

    @Autowired
    HubService hub;

    @Autowired
    FeedRunStore runs;

    @Autowired
    ApiCursorStore cursors;

    @Autowired
    CamelContext camel;

    @Test
    void twoPagesApplyStockAndPricesAndTheNextPullAsksOnlyForLaterChanges(CapturedOutput output) {
        String a = product("WA");
        String b = product("WB");
        String c = product("WC");
        // the second page first: a pull running in between must not see the first without it. The second page is
        // the changes after the first page's newest, in the shop's local time (two hours ahead of GMT here), which
        // the list is sorted by, less the second WooCommerce compares to: b again, then c
        WOO.stubFor(continued("woo-shop", "2024-05-01T12:00:00").willReturn(okJson(array(
                woo(b, 7, "5.00", "2024-05-01T10:00:01"), woo(c, 0, "100", "2024-05-01T10:00:02"))).withHeader("X-WP-TotalPages", "1")));
        WOO.stubFor(page("woo-shop", 1, null).willReturn(okJson(array(
                woo(a, 5, "19.99", "2024-05-01T10:00:00"), woo(b, 7, "5.00", "2024-05-01T10:00:01")))
                .withHeader("X-WP-TotalPages", "2")));

        awaitCursor("woo-shop", "2024-05-01T10:00:02");
        assertThat(hub.product(a).stock()).isEqualTo(Map.of("main", 5));
        assertThat(hub.product(a).prices()).isEqualTo(Map.of("retail-pln", "19.99"));
        assertThat(hub.product(b).stock()).isEqualTo(Map.of("main", 7));
        assertThat(hub.product(b).prices()).isEqualTo(Map.of("retail-pln", "5.00"));
        assertThat(hub.product(c).stock()).isEqualTo(Map.of("main", 0));
        assertThat(hub.product(c).prices()).isEqualTo(Map.of("retail-pln", "100.00"));
        assertThat(hub.product(a).links()).anySatisfy(l -> assertThat(l.connection()).isEqualTo("woo-shop"));
        assertThat(records(a)).anySatisfy(r -> {
            assertThat(r.field()).isEqualTo("stock[main]");
            assertThat(r.newValue()).isEqualTo("5");
            assertThat(r.reason()).isEqualTo("woo-shop-products-page-1.json line 1");
        });
        assertThat(records(c)).anySatisfy(r -> assertThat(r.reason()).startsWith("woo-shop-products-page-2.json"));
        assertThat(runs.recent("woo-shop", 50)).extracting(FeedRun::fileName, FeedRun::outcome)
                .contains(org.assertj.core.groups.Tuple.tuple("woo-shop-products-page-1.json", "applied"),
                        org.assertj.core.groups.Tuple.tuple("woo-shop-products-page-2.json", "applied"));

        List<LoggedRequest> first = requests("woo-shop");
        assertThat(first).extracting(LoggedRequest::getUrl)
                .contains("/woo-shop" + PRODUCTS + "?per_page=2&page=1&orderby=modified&order=asc&dates_are_gmt=true");
        assertThat(first).allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo(BASIC));
        assertThat(first).extracting(LoggedRequest::getUrl).as("page 2 is asked after page 1's newest, not by number")
                .contains("/woo-shop" + PRODUCTS + "?per_page=2&page=1&orderby=modified&order=asc&dates_are_gmt=false"
                        + "&modified_after=2024-05-01T12:00:00")
                .noneMatch(url -> url.contains("&page=2&"));

        // the next pull: changes after the cursor (less the second WooCommerce compares to the second)
        WOO.stubFor(page("woo-shop", 1, "2024-05-01T10:00:01").willReturn(okJson(array(
                woo(c, 0, "100", "2024-05-01T10:00:02"), woo(a, 3, "18.50", "2024-05-01T10:05:00")))
                .withHeader("X-WP-TotalPages", "1")));
        awaitCursor("woo-shop", "2024-05-01T10:05:00");
        assertThat(hub.product(a).stock()).isEqualTo(Map.of("main", 3));
        assertThat(hub.product(a).prices()).isEqualTo(Map.of("retail-pln", "18.50"));
        assertThat(hub.product(b).stock()).as("not in the changes: untouched").isEqualTo(Map.of("main", 7));
        assertThat(requests("woo-shop")).extracting(LoggedRequest::getUrl).contains("/woo-shop" + PRODUCTS
                + "?per_page=2&page=1&orderby=modified&order=asc&dates_are_gmt=true&modified_after=2024-05-01T10:00:01");
        assertThat(output.getAll()).as("a page of changes is not compared with a read of the connection's whole catalogue")
                .doesNotContain("woo-shop: read the hub's values");

        assertNoCredentials(output, a, b, c);
    }

    @Test
    void aServerErrorOnPageTwoLeavesTheCursorAfterPageOneAndTheNextPullCompletes(CapturedOutput output) {
        String x = product("FX");
        String y = product("FY");
        String z = product("FZ");
        WOO.stubFor(continued("woo-flaky", "2024-06-01T13:00:00").willReturn(serverError().withBody("{\"code\":\"internal_server_error\"}")));
        WOO.stubFor(page("woo-flaky", 1, null).willReturn(okJson(array(
                woo(x, 1, "1.00", "2024-06-01T11:00:00"), woo(y, 2, "2.00", "2024-06-01T11:00:01")))
                .withHeader("X-WP-TotalPages", "2")));

        await().atMost(Duration.ofSeconds(20)).until(() -> failedExchanges("woo-flaky-api-to-hub") >= 1);
        assertThat(cursors.get("woo-flaky", "products")).contains("2024-06-01T11:00:01");
        assertThat(hub.product(x).stock()).isEqualTo(Map.of("main", 1));
        assertThat(hub.product(y).stock()).isEqualTo(Map.of("main", 2));
        assertThat(hub.product(z).stock()).as("page 2 never arrived").isEmpty();
        assertThat(requests("woo-flaky").stream().filter(r -> r.getUrl().contains("modified_after=2024-06-01T13:00:00")))
                .as("the first try and two redeliveries").hasSize(3);
        assertThat(output.getAll()).contains("statusCode: 500");

        // the shop recovers: the next pull starts after page 1
        WOO.stubFor(page("woo-flaky", 1, "2024-06-01T11:00:00").willReturn(okJson(array(
                woo(y, 2, "2.00", "2024-06-01T11:00:01"), woo(z, 9, "9.99", "2024-06-01T11:00:02")))
                .withHeader("X-WP-TotalPages", "1")));
        awaitCursor("woo-flaky", "2024-06-01T11:00:02");
        assertThat(hub.product(z).stock()).isEqualTo(Map.of("main", 9));
        assertThat(hub.product(z).prices()).isEqualTo(Map.of("retail-pln", "9.99"));

        assertNoCredentials(output, x, y, z);
    }

    @Test
    void tooManyRequestsWaitsAsLongAsRetryAfterSays() {
        String p = product("BP");
        WOO.stubFor(page("woo-busy", 1, null).inScenario("busy").whenScenarioStateIs("calm")
                .willReturn(okJson(array(woo(p, 4, "4.00", "2024-07-01T12:00:00"))).withHeader("X-WP-TotalPages", "1")));
        WOO.stubFor(page("woo-busy", 1, null).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(status(429).withHeader("Retry-After", "1")).willSetStateTo("calm"));

        awaitCursor("woo-busy", "2024-07-01T12:00:00");
        assertThat(hub.product(p).stock()).isEqualTo(Map.of("main", 4));
        List<ServeEvent> served = WOO.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith("/woo-busy/"))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate())).toList();
        int refused = served.stream().map(e -> e.getResponse().getStatus()).toList().indexOf(429);
        ServeEvent retried = served.get(refused + 1);
        assertThat(retried.getResponse().getStatus()).isEqualTo(200);
        assertThat(retried.getRequest().getLoggedDate().getTime() - served.get(refused).getRequest().getLoggedDate().getTime())
                .as("Retry-After: 1, not the 50 ms backoff").isGreaterThanOrEqualTo(950);
        assertThat(retried.getRequest().queryParameter("per_page").firstValue()).isEqualTo("100");
    }

    @Test
    void variationsAreAskedOfEveryKnownVariableProductEachPullAfterACursorOfTheirOwn() {
        String plain = product("VS");
        String tee = product("VT");
        String small = product("VT-S");
        String large = product("VT-L");
        // the first pull: a simple product and two variable ones (their stock and prices are on their variations)
        WOO.stubFor(page("woo-vars", 1, null).willReturn(okJson(array(woo(plain, 2, "3.00", "2024-08-01T09:00:00"),
                variable(501, tee, "2024-08-01T09:00:01"), variable(502, "", "2024-08-01T09:00:02"))).withHeader("X-WP-TotalPages", "1")));
        WOO.stubFor(variableProducts("woo-vars", 1).willReturn(okJson(array(variable(501, tee, "2024-08-01T09:00:01"),
                variable(502, "", "2024-08-01T09:00:02"))).withHeader("X-WP-TotalPages", "1")));
        // a variation without a SKU of its own: WooCommerce lists it with its parent's
        WOO.stubFor(variations("woo-vars", 501, 1, null).willReturn(okJson(array(woo(small, 4, "40.00", "2024-08-01T08:00:00"),
                woo(large, 6, "45.00", "2024-08-01T08:30:00"), woo(tee, 9, "42.00", "2024-08-01T08:10:00"))).withHeader("X-WP-TotalPages", "1")));
        WOO.stubFor(variations("woo-vars", 502, 1, null).willReturn(okJson("[]")));

        await().atMost(Duration.ofSeconds(20)).until(() -> cursors.get("woo-vars", "variations/501").orElse(""),
                "2024-08-01T08:30:00"::equals);
        assertThat(hub.product(small).stock()).isEqualTo(Map.of("main", 4));
        assertThat(hub.product(small).prices()).isEqualTo(Map.of("retail-pln", "40.00"));
        assertThat(hub.product(large).stock()).isEqualTo(Map.of("main", 6));
        assertThat(hub.product(plain).stock()).isEqualTo(Map.of("main", 2));
        assertThat(hub.product(tee).stock()).as("the parent's product is not a variation's").isEmpty();
        assertThat(records(small)).anySatisfy(r -> assertThat(r.reason()).isEqualTo("woo-vars-variations-501-page-1.json line 1"));
        assertThat(runs.recent("woo-vars", 50)).filteredOn(run -> run.fileName().equals("woo-vars-products-page-1.json"))
                .singleElement().satisfies(run -> {
                    assertThat(run.rows()).as("variable products are not rows of their own").isEqualTo(1);
                    assertThat(run.badRows()).isZero();
                });
        assertThat(runs.recent("woo-vars", 50)).filteredOn(run -> run.fileName().equals("woo-vars-variations-501-page-1.json"))
                .singleElement().satisfies(run -> assertThat(run.badRows()).as("the variation without a SKU").isEqualTo(1));
        assertThat(cursors.get("woo-vars", "products")).contains("2024-08-01T09:00:02");
        assertThat(cursors.get("woo-vars", "variations/502")).as("known, nothing read yet").contains("");

        // one variation sold in the shop: its parent did not change, so only the parent's own cursor finds it
        WOO.stubFor(variations("woo-vars", 501, 1, "2024-08-01T08:29:59").willReturn(okJson(array(
                woo(small, 3, "40.00", "2024-08-02T10:00:00"))).withHeader("X-WP-TotalPages", "1")));
        await().atMost(Duration.ofSeconds(20)).until(() -> hub.product(small).stock().get("main"), stock -> stock == 3);
        assertThat(hub.product(large).stock()).isEqualTo(Map.of("main", 6));
        assertThat(WOO.findAll(getRequestedFor(urlPathEqualTo("/woo-vars" + PRODUCTS)))).extracting(LoggedRequest::getUrl)
                .contains("/woo-vars" + PRODUCTS + "?per_page=100&page=1&orderby=modified&order=asc&dates_are_gmt=true"
                        + "&modified_after=2024-08-01T09:00:01");

        // product 502 deleted: WooCommerce answers its variations with an empty list, so the listings of every
        // variable product (every 3 s here) are what forget it, once two in a row have missed it
        WOO.stubFor(variableProducts("woo-vars", 1).willReturn(okJson(array(variable(501, tee, "2024-08-01T09:00:01")))
                .withHeader("X-WP-TotalPages", "1")));
        await().atMost(Duration.ofSeconds(20)).until(() -> cursors.get("woo-vars", "variation-parents-missed/502").isPresent());
        assertThat(cursors.get("woo-vars", "variations/502")).as("one listing missing it is not enough").isPresent();
        await().atMost(Duration.ofSeconds(20)).until(() -> cursors.get("woo-vars", "variations/502").isEmpty()
                && cursors.get("woo-vars", "variation-parents-missed/502").isEmpty()
                && cursors.get("woo-vars", "variation-parents/502").isEmpty());
        assertThat(cursors.get("woo-vars", "variations/501")).contains("2024-08-02T10:00:00");
    }

    @Test
    void aWholePageChangedInOneSecondIsFollowedByTheNextPageNumberOfThatSecond() {
        String a = product("BA");
        String b = product("BB");
        String c = product("BC");
        // a bulk edit: more products changed in one second than a page holds
        WOO.stubFor(continued("woo-bulk", "2024-10-01T11:59:59", 2).willReturn(okJson(array(woo(c, 3, "3.00", "2024-10-01T10:00:00")))
                .withHeader("X-WP-TotalPages", "2")));
        WOO.stubFor(continued("woo-bulk", "2024-10-01T11:59:59", 1).willReturn(okJson(array(woo(a, 1, "1.00", "2024-10-01T10:00:00"),
                woo(b, 2, "2.00", "2024-10-01T10:00:00"))).withHeader("X-WP-TotalPages", "2")));
        WOO.stubFor(page("woo-bulk", 1, null).willReturn(okJson(array(woo(a, 1, "1.00", "2024-10-01T10:00:00"),
                woo(b, 2, "2.00", "2024-10-01T10:00:00"))).withHeader("X-WP-TotalPages", "2")));

        await().atMost(Duration.ofSeconds(20)).until(() -> hub.product(c).stock().get("main"), stock -> stock != null && stock == 3);
        assertThat(hub.product(a).stock()).isEqualTo(Map.of("main", 1));
        assertThat(cursors.get("woo-bulk", "products")).contains("2024-10-01T10:00:00");
    }

    @Test
    void aVariableProductWhoseVariationsFailDoesNotKeepTheOthersFromBeingRead() {
        String kept = product("VW");
        WOO.stubFor(page("woo-walk", 1, null).willReturn(okJson(array(variable(601, "", "2024-09-01T09:00:00"),
                variable(602, "", "2024-09-01T09:00:01"))).withHeader("X-WP-TotalPages", "1")));
        WOO.stubFor(variableProducts("woo-walk", 1).willReturn(okJson(array(variable(601, "", "2024-09-01T09:00:00"),
                variable(602, "", "2024-09-01T09:00:01"))).withHeader("X-WP-TotalPages", "1")));
        WOO.stubFor(get(urlPathEqualTo("/woo-walk" + PRODUCTS + "/601/variations")).atPriority(1)
                .willReturn(serverError().withBody("{\"code\":\"internal_server_error\"}")));
        WOO.stubFor(get(urlPathEqualTo("/woo-walk" + PRODUCTS + "/602/variations")).atPriority(1)
                .willReturn(okJson(array(woo(kept, 7, "7.00", "2024-09-01T08:00:00"))).withHeader("X-WP-TotalPages", "1")));

        await().atMost(Duration.ofSeconds(20)).until(() -> hub.product(kept).stock().get("main"), stock -> stock != null && stock == 7);
        assertThat(WOO.findAll(getRequestedFor(urlPathEqualTo("/woo-walk" + PRODUCTS + "/601/variations"))))
                .as("the failing one is still asked").isNotEmpty();
    }

    @Test
    void aWrongRouteFileFailsNamingTheTemplateAndTheParameter() {
        assertRefused(Map.of("perPge", "5"), "route template api-to-hub: unknown parameter 'perPge'");
        assertRefused(Map.of("connection", "nowhere"), "parameter 'connection': 'nowhere' is not declared");
        assertRefused(Map.of("connection", "woo-main"), "parameter 'connection': 'woo-main' is superior for neither");
        assertRefused(Map.of("mapping", "no-such.yaml"), "parameter 'mapping': ", "no such mapping file");
        assertRefused(Map.of("baseUrl", "shop.example.com/"), "parameter 'baseUrl': 'shop.example.com/' is not an http(s) address");
        assertRefused(Map.of("consumerSecret", "{{env:STOCKBRIDGE_NO_SUCH_SECRET}}"),
                "parameter 'consumerSecret': cannot resolve [{{env:STOCKBRIDGE_NO_SUCH_SECRET}}]");
    }

    private void assertRefused(Map<String, String> wrong, String... expected) {
        TemplatedRouteBuilder route = TemplatedRouteBuilder.builder(camel, ApiToHubRoutes.TEMPLATE)
                .routeId("refused-" + Skus.fresh("route"));
        Map.of("connection", "woo-shop", "schedule", "timer:refused?delay=-1", "baseUrl", "https://shop.example.com",
                "consumerKey", "ck", "consumerSecret", "cs").forEach((name, value) -> {
                    if (!wrong.containsKey(name)) {
                        route.parameter(name, value);
                    }
                });
        wrong.forEach(route::parameter);
        assertThatThrownBy(route::add).hasStackTraceContaining(expected[0]).hasStackTraceContaining(expected[expected.length - 1]);
    }

    private void assertNoCredentials(CapturedOutput output, String... skus) {
        String basic = BASIC.substring("Basic ".length());
        assertThat(output.getAll()).doesNotContain(KEY).doesNotContain(SECRET).doesNotContain(basic);
        assertThat(Stream.of(skus).flatMap(sku -> records(sku).stream()).map(SyncRecord::reason).collect(Collectors.joining("\n")))
                .isNotEmpty().doesNotContain(KEY).doesNotContain(SECRET).doesNotContain(basic);
    }

    private String product(String prefix) {
        String sku = Skus.fresh(prefix);
        hub.saveProduct(sku, new ProductData(null, prefix, Map.of()));
        return sku;
    }

    private List<SyncRecord> records(String sku) {
        return hub.syncRecords(new SyncRecordQuery(sku, null, null, null, 100));
    }

    private void awaitCursor(String connection, String value) {
        await().atMost(Duration.ofSeconds(20)).until(() -> cursors.get(connection, "products").orElse(""), value::equals);
    }

    private long failedExchanges(String routeId) throws Exception {
        return camel.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class).getManagedRoute(routeId)
                .getExchangesFailed();
    }

    private static List<LoggedRequest> requests(String shop) {
        return WOO.findAll(getRequestedFor(urlPathEqualTo("/" + shop + PRODUCTS)));
    }

    /** A WooCommerce products request as the template sends it; {@code modifiedAfter} null: the first pull. */
    private static MappingBuilder page(String shop, int page, String modifiedAfter) {
        return get(urlPathEqualTo("/" + shop + PRODUCTS)).atPriority(1)
                .withQueryParam("page", equalTo(String.valueOf(page)))
                .withQueryParam("orderby", equalTo("modified"))
                .withQueryParam("order", equalTo("asc"))
                .withQueryParam("dates_are_gmt", equalTo("true"))
                .withQueryParam("modified_after", modifiedAfter == null ? absent() : equalTo(modifiedAfter))
                .withHeader("Authorization", equalTo(BASIC));
    }

    /** The next page of a pull: page 1 of the changes after the page before's newest, in the shop's local time. */
    private static MappingBuilder continued(String shop, String localModifiedAfter) {
        return continued(shop, localModifiedAfter, 1);
    }

    /** Page {@code page} of such a question: only after a whole page within one second. */
    private static MappingBuilder continued(String shop, String localModifiedAfter, int page) {
        return get(urlPathEqualTo("/" + shop + PRODUCTS)).atPriority(1)
                .withQueryParam("page", equalTo(String.valueOf(page)))
                .withQueryParam("orderby", equalTo("modified"))
                .withQueryParam("dates_are_gmt", equalTo("false"))
                .withQueryParam("modified_after", equalTo(localModifiedAfter))
                .withHeader("Authorization", equalTo(BASIC));
    }

    /** The listing of every variable product as the template sends it. */
    private static MappingBuilder variableProducts(String shop, int page) {
        return get(urlPathEqualTo("/" + shop + PRODUCTS)).atPriority(1)
                .withQueryParam("page", equalTo(String.valueOf(page)))
                .withQueryParam("type", equalTo("variable"))
                .withQueryParam("orderby", equalTo("id"))
                .withHeader("Authorization", equalTo(BASIC));
    }

    /** A variation list request as the template sends it. */
    private static MappingBuilder variations(String shop, long parent, int page, String modifiedAfter) {
        return get(urlPathEqualTo("/" + shop + PRODUCTS + "/" + parent + "/variations")).atPriority(1)
                .withQueryParam("page", equalTo(String.valueOf(page)))
                .withQueryParam("orderby", equalTo("modified"))
                .withQueryParam("modified_after", modifiedAfter == null ? absent() : equalTo(modifiedAfter))
                .withHeader("Authorization", equalTo(BASIC));
    }

    /** A variable product as WooCommerce lists it: its own SKU (may be empty), no price, its variations' ids. */
    private static String variable(long id, String sku, String modifiedGmt) {
        return "{\"id\":" + id + ",\"name\":\"T-shirt\",\"type\":\"variable\",\"sku\":\"" + sku + "\",\"price\":\"40.00\","
                + "\"regular_price\":\"\",\"manage_stock\":false,\"stock_quantity\":null,\"variations\":[" + (id * 10) + ","
                + (id * 10 + 1) + "],\"date_modified_gmt\":\"" + modifiedGmt + "\"}";
    }

    /** A product as WooCommerce lists it (the fields the mapping and the cursor read, and a few it ignores). */
    private static String woo(String sku, int stock, String price, String modifiedGmt) {
        return "{\"id\":" + Math.abs(sku.hashCode()) + ",\"name\":\"Product " + sku + "\",\"type\":\"simple\",\"status\":\"publish\","
                + "\"sku\":\"" + sku + "\",\"price\":\"" + price + "\",\"regular_price\":\"" + price + "\",\"sale_price\":\"\","
                + "\"manage_stock\":true,\"stock_quantity\":" + stock + ",\"stock_status\":\"instock\","
                + "\"date_modified\":\"" + LocalDateTime.parse(modifiedGmt).plusHours(2).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME) + "\",\"date_modified_gmt\":\""
                + modifiedGmt + "\","
                + "\"categories\":[{\"id\":9,\"name\":\"Clothing\"}],\"meta_data\":[]}";
    }

    private static String array(String... products) {
        return "[" + String.join(",", products) + "]";
    }
}
