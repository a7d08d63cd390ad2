package org.stockbridge.route;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.stockbridge.support.ShopPushes.WOO_BATCH;
import static org.stockbridge.support.ShopPushes.basic;
import static org.stockbridge.support.ShopPushes.shopId;
import static org.stockbridge.support.ShopPushes.startedShop;
import static org.stockbridge.support.ShopPushes.wooBatchWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.stockbridge.HubTest;
import org.stockbridge.hub.HubService;
import org.stockbridge.hub.StockChange;
import org.stockbridge.hub.SyncRecord;
import org.stockbridge.push.ShopSenders;
import org.stockbridge.support.ShopPushes;
import org.stockbridge.support.StopRoutesFirst;

/**
 * One sender per shop on PostgreSQL: another instance of the hub is played by a plain connection holding the
 * shop's advisory lock from before this hub starts. While it holds it this hub sends the shop nothing (its outbox
 * entries wait), refuses to read the shop's product list and leaves a reconciliation asked of it in the database;
 * once it lets go, this hub takes the shop over, sends what waited and runs the waiting reconciliation.
 */
@HubTest
@DirtiesContext // WireMock stops with this class, and the context holds the shop's lock until it closes
@EnabledIfSystemProperty(named = "stockbridge.test.db", matches = "postgres")
@Import(ShopPushes.class)
@TestPropertySource(properties = {
        "stockbridge.push.one-sender-per-shop=true",
        "stockbridge.connections.woo-cluster.type=shop", "stockbridge.connections.woo-cluster.stock=inferior",
        "stockbridge.connections.woo-cluster.warehouse=main", "stockbridge.connections.woo-cluster.format=woocommerce",
        "stockbridge.connections.woo-cluster.settings.consumerKey=" + OneSenderPerShopTest.KEY,
        "stockbridge.connections.woo-cluster.settings.consumerSecret=" + OneSenderPerShopTest.SECRET})
class OneSenderPerShopTest {

    static final String KEY = "ck_0c1d2e3f4a5b6c7d8e9f";
    static final String SECRET = "cs_9f8e7d6c5b4a3f2e1d0c";
    static final String SHOP = "woo-cluster";
    static final String PRODUCTS = "/wp-json/wc/v3/products";

    static final WireMockServer WOO = startedShop();
    /** The other instance's lock connection. */
    static Connection otherInstance;

    @DynamicPropertySource
    static void shop(DynamicPropertyRegistry registry) {
        registry.add("stockbridge.connections.woo-cluster.settings.baseUrl", WOO::baseUrl);
    }

    @RegisterExtension
    static final AfterAllCallback STOP_SHOP = StopRoutesFirst.then(WOO::stop);

    @Autowired
    HubService hub;

    @Autowired
    ShopPushes pushes;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    /** Before the hub's context starts (Spring starts it for the first test): the other instance has the shop. */
    @BeforeAll
    static void anotherInstanceSendsToTheShop() throws Exception {
        otherInstance = DriverManager.getConnection(System.getenv("STOCKBRIDGE_TEST_PG_URL"),
                System.getenv("STOCKBRIDGE_TEST_PG_USER"), System.getenv("STOCKBRIDGE_TEST_PG_PASSWORD"));
        try (PreparedStatement lock = otherInstance.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, ShopSenders.lockKey(SHOP));
            try (ResultSet taken = lock.executeQuery()) {
                assertThat(taken.next() && taken.getBoolean(1)).as("the other instance has the shop").isTrue();
            }
        }
    }

    @AfterAll
    static void otherInstanceStops() throws Exception {
        if (otherInstance != null) {
            otherInstance.close();
        }
    }

    @Test
    void whileAnotherInstanceSendsToTheShopThisOneWaitsThenTakesItOverWithWhatWaited() throws Exception {
        long id = shopId();
        String sku = pushes.linkedProduct("CLUSTER", SHOP, id);
        WOO.stubFor(wooBatchWith(basic(KEY, SECRET), id).willReturn(okJson("{\"update\":[{\"id\":" + id + "}]}")));

        hub.setStock(null, StockChange.set(sku, "main", 6, "test"));

        // three poll periods: each drain finds the shop taken and leaves the entry for its sender
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> WOO.findAll(postRequestedFor(urlPathEqualTo(WOO_BATCH))).isEmpty());
        assertThat(pushes.outboxStates(sku)).containsExactly("pending");
        assertThat(pushes.claimedEntries(sku)).as("no drain here claimed it").isZero();
        assertThat(http.getForEntity("/api/shops/" + SHOP + "/status", String.class).getBody()).contains("\"sender\":false");
        ResponseEntity<String> match = http.postForEntity("/api/connections/" + SHOP + "/links/match?by=sku", null, String.class);
        assertThat(match.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(match.getBody()).contains("another instance of the hub sends to this shop");
        // a reconciliation asked here is left for the sender, not read from here
        assertThat(http.postForEntity("/api/shops/" + SHOP + "/reconcile", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM reconcile_request WHERE connection_id = ?", Integer.class, SHOP) == 1);
        // by the time this hub reads the list, the shop shows 4 (someone edited it); the first read fails (500), so
        // the run stops there and the request waits for the next run
        WOO.stubFor(get(urlPathEqualTo(PRODUCTS)).withQueryParam("page", equalTo("1")).inScenario("list")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(serverError()).willSetStateTo("read once"));
        WOO.stubFor(get(urlPathEqualTo(PRODUCTS)).withQueryParam("page", equalTo("1")).inScenario("list")
                .whenScenarioStateIs("read once").willReturn(okJson("[{\"id\":" + id
                + ",\"type\":\"simple\",\"sku\":\"" + sku + "\",\"manage_stock\":true,\"stock_quantity\":4}]")
                .withHeader("X-WP-TotalPages", "1")));
        assertThat(WOO.findAll(getRequestedFor(urlPathEqualTo(PRODUCTS)))).isEmpty();

        otherInstance.close(); // that instance stops: PostgreSQL ends its session and releases the lock

        // this hub takes the shop over: the waiting value goes out, and the waiting reconciliation reads the list and
        // sets the 4 back to 6 (in either order: both are this instance's now)
        await().atMost(Duration.ofSeconds(30)).until(() -> pushes.outRecords(sku).stream()
                .anyMatch(r -> r.result().equals("correction")));
        pushes.awaitDone(sku);
        assertThat(WOO.findAll(getRequestedFor(urlPathEqualTo(PRODUCTS)))).as("the failed read, then the next run's").hasSize(2);
        assertThat(pushes.outRecords(sku)).filteredOn(r -> r.result().equals("correction"))
                .extracting(SyncRecord::oldValue, SyncRecord::newValue).containsExactly(tuple("4", "6"));
        assertThat(pushes.outRecords(sku).get(0)).extracting(SyncRecord::newValue, SyncRecord::result)
                .containsExactly("6", "ok");
        assertThat(WOO.findAll(postRequestedFor(urlPathEqualTo(WOO_BATCH)))).isNotEmpty()
                .allSatisfy(batch -> assertThat(batch.getBodyAsString()).contains("\"stock_quantity\":6"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reconcile_request WHERE connection_id = ?", Integer.class, SHOP))
                .isZero();
        assertThat(http.getForEntity("/api/shops/" + SHOP + "/status", String.class).getBody()).contains("\"sender\":true");
    }
}
