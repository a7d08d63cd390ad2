package org.stockbridge.support;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stockbridge.Skus;
import org.stockbridge.hub.HubService;
import org.stockbridge.hub.Link;
import org.stockbridge.hub.LinkStore;
import org.stockbridge.hub.ProductData;
import org.stockbridge.hub.ProductStore;
import org.stockbridge.hub.SyncRecord;
import org.stockbridge.hub.SyncRecordQuery;

/**
 * What the hub-to-shop route tests share, whatever the shop's format: products linked to a shop, then what an
 * operator sees after a push — the product's outbox entries, its outbound sync records, its entry in
 * {@code GET /api/failures}, that no credential leaked into the log or the records — and the requests a WireMock
 * shop received. A test brings it in with {@code @Import(ShopPushes.class)} and {@code @Autowired ShopPushes}.
 */
public class ShopPushes {

    public static final String WOO_BATCH = "/wp-json/wc/v3/products/batch";

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final HubService hub;
    private final ProductStore products;
    private final LinkStore links;
    private final JdbcTemplate jdbc;
    private final TestRestTemplate http;
    private final ObjectMapper json;

    public ShopPushes(HubService hub, ProductStore products, LinkStore links, JdbcTemplate jdbc, TestRestTemplate http,
            ObjectMapper json) {
        this.hub = hub;
        this.products = products;
        this.links = links;
        this.jdbc = jdbc;
        this.http = http;
        this.json = json;
    }

    /**
     * A WireMock stand-in shop, started on a free port. The test points the connection's {@code baseUrl} at it with
     * {@code @DynamicPropertySource} and stops it with {@link StopRoutesFirst}.
     */
    public static WireMockServer startedShop() {
        WireMockServer shop = new WireMockServer(options().dynamicPort());
        shop.start();
        return shop;
    }

    /** A fresh product ({@code prefix} + a unique suffix) linked to the shop's item {@code externalId}. */
    public String linkedProduct(String prefix, String connection, String externalId) {
        String sku = Skus.fresh(prefix);
        link(sku, prefix, connection, externalId);
        return sku;
    }

    /** A fresh product ({@code prefix} + a unique suffix) linked to the shop's item {@code shopId}. */
    public String linkedProduct(String prefix, String connection, long shopId) {
        return linkedProduct(prefix, connection, String.valueOf(shopId));
    }

    /** Saves the product {@code sku} and links it to the shop's item {@code externalId}. */
    public void link(String sku, String connection, String externalId) {
        link(sku, sku, connection, externalId);
    }

    /**
     * The link as a fixture, written by the link store: a link made through the hub also queues the product's
     * values for the shop (PushApiTest.linkingAProductOneByOneQueuesItsValuesForTheShop), and the tests that use
     * this count the requests their own changes make.
     */
    private void link(String sku, String name, String connection, String externalId) {
        hub.saveProduct(sku, new ProductData(null, name, Map.of()));
        links.add(products.find(sku).orElseThrow().id(), new Link(connection, externalId, sku, "manual"), Instant.now());
    }

    /** Random shop ids: on PostgreSQL links of earlier runs stay, and (connection, external id) is unique. */
    public static long shopId() {
        return ThreadLocalRandom.current().nextLong(1_000_000L, 1_000_000_000L);
    }

    /**
     * Waits until none of the product's outbox entries is still to be sent (pending or sending). A finished entry
     * is deleted, so done leaves either no entry or failed ones.
     */
    public void awaitDone(String sku) {
        awaitNoneToSend("p.sku = ?", sku);
    }

    /** {@link #awaitDone} for every product whose SKU matches the SQL LIKE pattern {@code skuPattern}. */
    public void awaitDoneLike(String skuPattern) {
        awaitNoneToSend("p.sku LIKE ?", skuPattern);
    }

    private void awaitNoneToSend(String condition, String value) {
        await().atMost(WAIT).until(() -> outboxStates(condition, value),
                states -> states.stream().noneMatch("pending"::equals)); // a claimed entry is pending too
    }

    /** The states of the product's outbox entries; empty once all were sent. */
    public List<String> outboxStates(String sku) {
        return outboxStates("p.sku = ?", sku);
    }

    /** How many of the product's outbox entries a drain has claimed (they stay pending until settled). */
    public int claimedEntries(String sku) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox o JOIN product p ON p.id = o.product_id "
                + "WHERE p.sku = ? AND o.claim IS NOT NULL", Integer.class, sku);
    }

    private List<String> outboxStates(String condition, String value) {
        return jdbc.queryForList("SELECT o.state FROM outbox o JOIN product p ON p.id = o.product_id WHERE " + condition,
                String.class, value);
    }

    /** The product's outbound sync records, newest first. */
    public List<SyncRecord> outRecords(String sku) {
        return hub.syncRecords(new SyncRecordQuery(sku, null, null, null, 100)).stream()
                .filter(r -> r.direction().equals(SyncRecord.OUT)).toList();
    }

    /** The product's entry in {@code GET /api/failures}, or null. */
    public JsonNode failureOf(String sku) {
        try {
            for (JsonNode failure : json.readTree(http.getForObject("/api/failures", String.class))) {
                if (failure.get("sku").asText().equals(sku)) {
                    return failure;
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The product's entry in {@code GET /api/failures}, waiting for it to appear; fails the test if it does not. */
    public JsonNode awaitFailure(String sku) {
        return await().atMost(WAIT).until(() -> failureOf(sku), failure -> failure != null);
    }

    /** None of {@code secrets} in the log or in the products' outbound sync records. */
    public void assertNoCredentials(CapturedOutput output, List<String> secrets, String... skus) {
        String reasons = Stream.of(skus).flatMap(sku -> outRecords(sku).stream()).map(SyncRecord::reason)
                .collect(Collectors.joining("\n"));
        for (String secret : secrets) {
            assertThat(output.getAll()).doesNotContain(secret);
            assertThat(reasons).doesNotContain(secret);
        }
    }

    /** {@code Basic} authorization of {@code user:password}, worked out apart from the code under test. */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A POST to {@code path} with this header whose JSON body has a match for {@code jsonPath}. */
    public static MappingBuilder postWith(String path, String header, String value, String jsonPath) {
        return post(urlPathEqualTo(path)).withHeader(header, equalTo(value)).withRequestBody(matchingJsonPath(jsonPath));
    }

    /** The POSTs to {@code path} the server received whose JSON body has a match for {@code jsonPath}. */
    public static List<LoggedRequest> postsWith(WireMockServer shop, String path, String jsonPath) {
        return shop.findAll(postRequestedFor(urlPathEqualTo(path)).withRequestBody(matchingJsonPath(jsonPath)));
    }

    /** A WooCommerce products batch with this authorization that carries the item {@code id}. */
    public static MappingBuilder wooBatchWith(String authorization, long id) {
        return postWith(WOO_BATCH, "Authorization", authorization, wooItem(id));
    }

    /** The WooCommerce products batches the server received that carry the item {@code id}. */
    public static List<LoggedRequest> wooBatchesFor(WireMockServer shop, long id) {
        return postsWith(shop, WOO_BATCH, wooItem(id));
    }

    private static String wooItem(long id) {
        return "$.update[?(@.id == " + id + ")]";
    }
}
