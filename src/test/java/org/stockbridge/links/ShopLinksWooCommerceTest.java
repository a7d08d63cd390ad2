package org.stockbridge.links;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.stockbridge.HubTest;
import org.stockbridge.Skus;
import org.stockbridge.hub.Link;
import org.stockbridge.hub.ProductData;
import org.stockbridge.hub.StockChange;
import org.stockbridge.hub.SyncRecord;
import org.stockbridge.hub.SyncRecordQuery;
import org.stockbridge.support.StopRoutesFirst;

/**
 * Bulk linking, unlinked lists and products-to-shop against WireMock standing in for a WooCommerce shop
 * ({@code woo-links}), plus a WooCommerce shop in dry-run ({@code woo-links-dry}). Every test makes its own
 * products and shop ids: the hub's other routes and earlier tests share the database.
 */
@HubTest
@DirtiesContext // the routes use WireMock, which stops with this class
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
        "stockbridge.retry.initial-delay=10",
        "stockbridge.connections.woo-links.type=shop", "stockbridge.connections.woo-links.stock=inferior",
        "stockbridge.connections.woo-links.warehouse=main", "stockbridge.connections.woo-links.format=woocommerce",
        "stockbridge.connections.woo-links.settings.consumerKey=" + ShopLinksWooCommerceTest.KEY,
        "stockbridge.connections.woo-links.settings.consumerSecret=" + ShopLinksWooCommerceTest.SECRET,
        "stockbridge.connections.woo-links.settings.requestsPerSecond=50",
        "stockbridge.connections.woo-links-dry.type=shop", "stockbridge.connections.woo-links-dry.stock=inferior",
        "stockbridge.connections.woo-links-dry.warehouse=main", "stockbridge.connections.woo-links-dry.format=woocommerce",
        "stockbridge.connections.woo-links-dry.dry-run=true",
        "stockbridge.connections.woo-links-dry.settings.baseUrl=https://dry.example.com",
        "stockbridge.connections.woo-links-dry.settings.consumerKey=" + ShopLinksWooCommerceTest.KEY,
        "stockbridge.connections.woo-links-dry.settings.consumerSecret=" + ShopLinksWooCommerceTest.SECRET})
class ShopLinksWooCommerceTest extends ShopStandInTest {

    static final String KEY = "ck_77a1c2e3d4f5a6b7c8d9";
    static final String SECRET = "cs_1f2e3d4c5b6a79880716";
    static final String BASIC = "Basic " + Base64.getEncoder().encodeToString((KEY + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
    static final String PRODUCTS = "/wp-json/wc/v3/products";
    static final String BATCH = PRODUCTS + "/batch";

    static final WireMockServer WOO = new WireMockServer(options().dynamicPort());

    static {
        WOO.start();
    }

    @DynamicPropertySource
    static void woo(DynamicPropertyRegistry registry) {
        registry.add("stockbridge.connections.woo-links.settings.baseUrl", WOO::baseUrl);
    }

    @RegisterExtension
    static final AfterAllCallback STOP_WOO = StopRoutesFirst.then(WOO::stop);

    @Override
    WireMockServer shop() {
        return WOO;
    }

    @Test
    void matchBySkuReadsEveryPageLinksUniqueMatchesKeepsExistingLinksAndReportsAmbiguousOnes() throws Exception {
        String a = product("A", null), b = product("B", null), c = product("C", null), d = product("D", null);
        String e = product("E", null);
        long idA = shopId(), idB = shopId(), idC = shopId(), idE1 = shopId(), idE2 = shopId(), idX = shopId();
        hub.link(c, new Link("woo-links", String.valueOf(idC), c, "manual"));
        stubPage(1, 2, shopProduct(idA, a, "Mug"), shopProduct(idC, c, "Cap"), shopProduct(idE1, e, "Shirt"));
        stubPage(2, 2, shopProduct(idB, b, "Bag"), shopProduct(idE2, e, "Shirt too"),
                shopProduct(idX, Skus.fresh("NOT-IN-HUB"), "Stranger"));

        JsonNode report = api.post("/api/connections/woo-links/links/match?by=sku", null, 200);

        List<LoggedRequest> pages = WOO.findAll(getRequestedFor(urlPathEqualTo(PRODUCTS)));
        assertThat(pages).extracting(LoggedRequest::getUrl).containsExactly(
                PRODUCTS + "?per_page=100&page=1&orderby=id&order=asc",
                PRODUCTS + "?per_page=100&page=2&orderby=id&order=asc");
        assertThat(pages).allSatisfy(page -> assertThat(page.getHeader("Authorization")).isEqualTo(BASIC));
        assertThat(report.get("connection").asText()).isEqualTo("woo-links");
        assertThat(report.get("matchedBy").toString()).isEqualTo("[\"sku\"]");
        assertThat(report.get("shopProducts").asInt()).isEqualTo(6);
        assertThat(report.get("linked").asInt()).isEqualTo(2);
        assertThat(report.get("alreadyLinked").asInt()).isEqualTo(1);
        assertThat(report.get("unmatchedShop").asInt()).isEqualTo(1);
        assertThat(report.get("unmatchedHub").asInt()).isGreaterThanOrEqualTo(2); // d and e, and other tests' products
        assertThat(report.get("ambiguous")).hasSize(2);
        assertThat(report.get("ambiguous").get(0).get("externalId").asText()).isEqualTo(String.valueOf(idE1));
        assertThat(report.get("ambiguous").get(0).get("reason").asText())
                .isEqualTo("hub product " + e + " matches several shop products [" + idE1 + ", " + idE2 + "] by sku");

        assertThat(api.links(a)).containsExactly("woo-links=" + idA + "/" + a + " by sku");
        assertThat(api.links(b)).containsExactly("woo-links=" + idB + "/" + b + " by sku");
        assertThat(api.links(c)).containsExactly("woo-links=" + idC + "/" + c + " by manual");
        assertThat(api.links(d)).isEmpty();
        assertThat(api.links(e)).isEmpty();

        // the unlinked lists, both sides
        List<String> unlinkedHub = unlinkedHubSkus();
        assertThat(unlinkedHub).contains(d, e).doesNotContain(a, b, c);
        JsonNode unlinkedShop = api.get("/api/connections/woo-links/unlinked?side=shop", 200);
        List<String> shopIds = new ArrayList<>();
        unlinkedShop.forEach(p -> shopIds.add(p.get("externalId").asText()));
        assertThat(shopIds).containsExactly(String.valueOf(idE1), String.valueOf(idE2), String.valueOf(idX));
        assertThat(unlinkedShop.get(2).get("name").asText()).isEqualTo("Stranger");

        // matching again links nothing new and keeps every link
        JsonNode again = api.post("/api/connections/woo-links/links/match", null, 200);
        assertThat(again.get("linked").asInt()).isZero();
        assertThat(again.get("alreadyLinked").asInt()).isEqualTo(3);
        assertThat(api.links(a)).containsExactly("woo-links=" + idA + "/" + a + " by sku");
    }

    @Test
    void variationsAreListedUnderTheirParentLinkedBySkuAndSentToTheParentsVariationsBatch() throws Exception {
        String red = product("SHIRT-RED", null), blue = product("SHIRT-BLUE", null);
        hub.setStock(null, StockChange.set(red, "main", 7, "test"));
        long parent = shopId(), idRed = shopId(), idBlue = shopId();
        stubPage(1, 1, "{\"id\":" + parent + ",\"parent_id\":0,\"type\":\"variable\",\"sku\":\"\",\"name\":\"Shirt\","
                + "\"variations\":[" + idRed + "," + idBlue + "]}");
        String variations = PRODUCTS + "/" + parent + "/variations";
        WOO.stubFor(get(urlPathEqualTo(variations)).withQueryParam("page", equalTo("1")).withHeader("Authorization", equalTo(BASIC))
                .willReturn(okJson("[" + shopProduct(idRed, red, "Shirt - Red") + "," + shopProduct(idBlue, blue, "Shirt - Blue") + "]")
                        .withHeader("X-WP-TotalPages", "1")));
        WOO.stubFor(post(urlPathEqualTo(variations + "/batch")).withRequestBody(matchingJsonPath("$.update[?(@.id == " + idRed + ")]"))
                .willReturn(okJson("{\"update\":[{\"id\":" + idRed + ",\"parent_id\":" + parent + "},{\"id\":" + idBlue
                        + ",\"parent_id\":" + parent + "}]}")));

        JsonNode report = api.post("/api/connections/woo-links/links/match?by=sku", null, 200);

        assertThat(WOO.findAll(getRequestedFor(urlPathEqualTo(variations)))).extracting(LoggedRequest::getUrl)
                .containsExactly(variations + "?per_page=100&page=1&orderby=id&order=asc");
        assertThat(report.get("shopProducts").asInt()).isEqualTo(3);
        assertThat(api.links(red)).containsExactly("woo-links=" + parent + "/" + idRed + "/" + red + " by sku");
        assertThat(api.links(blue)).containsExactly("woo-links=" + parent + "/" + idBlue + "/" + blue + " by sku");
        // the new links put the shirts' stock in the outbox: it goes to the parent's variations, by the variations' ids
        await().atMost(Duration.ofSeconds(20)).until(() -> !WOO.findAll(postRequestedFor(urlPathEqualTo(variations + "/batch"))).isEmpty());
        assertThat(WOO.findAll(postRequestedFor(urlPathEqualTo(variations + "/batch")))).extracting(LoggedRequest::getBodyAsString)
                .containsExactly("{\"update\":[{\"id\":" + idRed + ",\"stock_quantity\":7,\"manage_stock\":true},"
                        + "{\"id\":" + idBlue + ",\"stock_quantity\":0,\"manage_stock\":true}]}");
        await().atMost(Duration.ofSeconds(20)).until(() -> stockRecord(blue) != null);
        assertThat(List.of(stockRecord(red).result(), stockRecord(blue).result())).containsOnly("ok");
    }

    @Test
    void aVariableProductDeletedWhileTheListIsReadListsNoVariationsAndTheMatchGoesOn() throws Exception {
        String mug = product("MUG", null);
        long idMug = shopId(), gone = shopId();
        stubPage(1, 1, "{\"id\":" + gone + ",\"parent_id\":0,\"type\":\"variable\",\"sku\":\"\",\"name\":\"Gone\","
                + "\"variations\":[" + shopId() + "]}", shopProduct(idMug, mug, "Mug"));
        WOO.stubFor(get(urlPathEqualTo(PRODUCTS + "/" + gone + "/variations")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"woocommerce_rest_product_invalid_id\",\"message\":\"Invalid ID.\",\"data\":{\"status\":404}}")));

        JsonNode report = api.post("/api/connections/woo-links/links/match?by=sku", null, 200);

        assertThat(WOO.findAll(getRequestedFor(urlPathEqualTo(PRODUCTS + "/" + gone + "/variations")))).as("not retried").hasSize(1);
        assertThat(report.get("shopProducts").asInt()).isEqualTo(2);
        assertThat(api.links(mug)).containsExactly("woo-links=" + idMug + "/" + mug + " by sku");
    }

    @Test
    void productsToShopCreatesOneBatchLinksTheCreatedIdsReportsTheRefusedOneAndPushesStock(CapturedOutput output)
            throws Exception {
        String mug = product("MUG", "5901234123457"), cap = product("CAP", null), dup = product("DUP", null);
        String linked = product("LINKED", null);
        hub.link(linked, new Link("woo-links", String.valueOf(shopId()), linked, "manual"));
        hub.setStock(null, StockChange.set(mug, "main", 5, "test"));
        long idMug = shopId(), idCap = shopId();
        WOO.stubFor(post(urlPathEqualTo(BATCH)).withRequestBody(matchingJsonPath("$.create"))
                .willReturn(okJson("{\"create\":[{\"id\":" + idMug + ",\"sku\":\"" + mug + "\"},"
                        + "{\"id\":" + idCap + ",\"sku\":\"" + cap + "\"},"
                        + "{\"id\":0,\"error\":{\"code\":\"product_invalid_sku\",\"message\":\"Invalid or duplicated SKU.\","
                        + "\"data\":{\"status\":400}}}]}")));
        WOO.stubFor(post(urlPathEqualTo(BATCH)).withRequestBody(matchingJsonPath("$.update[?(@.id == " + idMug + ")]"))
                .willReturn(okJson("{\"update\":[{\"id\":" + idMug + "}]}")));

        JsonNode report = api.post("/api/connections/woo-links/products-to-shop",
                "{\"skus\":[\"" + mug + "\",\"" + cap + "\",\"" + dup + "\",\"" + linked + "\"]}", 200);

        List<LoggedRequest> creates = WOO.findAll(postRequestedFor(urlPathEqualTo(BATCH)).withRequestBody(matchingJsonPath("$.create")));
        assertThat(creates).hasSize(1);
        assertThat(creates.get(0).getHeader("Authorization")).isEqualTo(BASIC);
        assertThat(json.readTree(creates.get(0).getBodyAsString())).isEqualTo(json.readTree("{\"create\":["
                + "{\"name\":\"MUG\",\"type\":\"simple\",\"sku\":\"" + mug + "\",\"global_unique_id\":\"5901234123457\",\"manage_stock\":true},"
                + "{\"name\":\"CAP\",\"type\":\"simple\",\"sku\":\"" + cap + "\",\"manage_stock\":true},"
                + "{\"name\":\"DUP\",\"type\":\"simple\",\"sku\":\"" + dup + "\",\"manage_stock\":true}]}"));
        assertThat(report.get("created").asInt()).isEqualTo(2);
        assertThat(report.get("failed").asInt()).isEqualTo(1);
        assertThat(report.get("alreadyLinked").toString()).isEqualTo("[\"" + linked + "\"]");
        assertThat(report.get("items").get(2).get("sku").asText()).isEqualTo(dup);
        assertThat(report.get("items").get(2).get("result").asText()).isEqualTo("failed");
        assertThat(report.get("items").get(2).get("reason").asText()).isEqualTo("product_invalid_sku: Invalid or duplicated SKU.");

        assertThat(api.links(mug)).containsExactly("woo-links=" + idMug + "/" + mug + " by export");
        assertThat(api.links(cap)).containsExactly("woo-links=" + idCap + "/" + cap + " by export");
        assertThat(api.links(dup)).isEmpty();
        SyncRecord created = productRecord(mug);
        assertThat(created.connection()).isEqualTo("woo-links");
        assertThat(created.newValue()).isEqualTo(String.valueOf(idMug));
        assertThat(created.result()).isEqualTo("ok");
        assertThat(created.requestId()).isNotBlank();
        SyncRecord refused = productRecord(dup);
        assertThat(refused.result()).isEqualTo("failed");
        assertThat(refused.newValue()).isNull();
        assertThat(refused.reason()).contains("Invalid or duplicated SKU.");

        // the new link puts the product in the outbox: hub-to-shop sends its stock to the created id
        await().atMost(Duration.ofSeconds(20)).until(() -> !WOO.findAll(postRequestedFor(urlPathEqualTo(BATCH))
                .withRequestBody(matchingJsonPath("$.update[?(@.id == " + idMug + ")]"))).isEmpty());
        WOO.verify(postRequestedFor(urlPathEqualTo(BATCH)).withRequestBody(matchingJsonPath(
                "$.update[?(@.id == " + idMug + " && @.stock_quantity == 5 && @.manage_stock == true)]")));
        assertThat(output.getAll()).doesNotContain(KEY).doesNotContain(SECRET).doesNotContain(BASIC.substring(6));
    }

    @Test
    void withoutSkusEveryUnlinkedProductIsExportedAndUnknownSkusSendNothing() throws Exception {
        JsonNode unknown = api.post("/api/connections/woo-links/products-to-shop", "{\"skus\":[\"NO-SUCH-SKU-X\"]}", 404);
        assertThat(unknown.get("detail").asText())
                .isEqualTo("connection 'woo-links': nothing exported, unknown SKU(s) [NO-SUCH-SKU-X]");
        assertThat(WOO.findAll(postRequestedFor(urlPathEqualTo(BATCH)).withRequestBody(matchingJsonPath("$.create")))).isEmpty();

        // unlinked products go out in SKU order, at most `limit`: on PostgreSQL the suite's other products share the
        // table, so this one's SKU sorts before theirs
        String fresh = "00-" + Skus.fresh("LINK-NEW");
        hub.saveProduct(fresh, new ProductData(null, "NEW", Map.of()));
        // 503 with Retry-After: Apache HttpClient would send it again by itself after 30 s; the hub must not
        WOO.stubFor(post(urlPathEqualTo(BATCH)).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "30")
                .withBody("{\"code\":\"busy\",\"message\":\"Try later\"}")));
        JsonNode report = api.post("/api/connections/woo-links/products-to-shop?limit=10000", null, 200);

        JsonNode item = null;
        for (JsonNode i : report.get("items")) {
            item = i.get("sku").asText().equals(fresh) ? i : item;
        }
        assertThat(item).as("every unlinked hub product is sent, %s among them", fresh).isNotNull();
        assertThat(item.get("result").asText()).isEqualTo("failed");
        assertThat(item.get("reason").asText()).isEqualTo("the shop could not take it now: HTTP 503: busy: Try later");
        assertThat(WOO.findAll(postRequestedFor(urlPathEqualTo(BATCH)).withRequestBody(matchingJsonPath("$.create"))))
                .as("a create is never retried by itself")
                .hasSize(report.get("items").size() / 100 + (report.get("items").size() % 100 == 0 ? 0 : 1));
        assertThat(api.links(fresh)).isEmpty();
    }

    @Test
    void dryRunWritesTheCreateRequestToAFileAndLinksNothing() throws Exception {
        String sku = product("DRY", null);

        JsonNode report = api.post("/api/connections/woo-links-dry/products-to-shop", "{\"skus\":[\"" + sku + "\"]}", 200);

        assertThat(report.get("dryRun").asBoolean()).isTrue();
        assertThat(report.get("items").get(0).get("result").asText()).isEqualTo("dry-run");
        SyncRecord record = productRecord(sku);
        assertThat(record.result()).isEqualTo("dry-run");
        String file = Files.readString(Path.of("target/test-data/dry-run/woo-links-dry/" + record.requestId() + ".http"));
        assertThat(file).startsWith("POST https://dry.example.com" + BATCH + "\n").contains("Authorization: ****")
                .contains("\"sku\":\"" + sku + "\"").doesNotContain(KEY).doesNotContain(SECRET);
        assertThat(api.links(sku)).isEmpty();

        JsonNode refused = api.post("/api/connections/woo-links-dry/links/match", null, 400);
        assertThat(refused.get("detail").asText()).contains("'woo-links-dry' is in dry-run");
    }

    @Test
    void aBusyShopIsAskedForThePageAgainAfterItsRetryAfter() throws Exception {
        String sku = product("BUSY", null);
        long id = shopId();
        WOO.stubFor(get(urlPathEqualTo(PRODUCTS)).inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("free"));
        WOO.stubFor(get(urlPathEqualTo(PRODUCTS)).inScenario("busy").whenScenarioStateIs("free")
                .willReturn(okJson("[" + shopProduct(id, sku, "Busy") + "]").withHeader("X-WP-TotalPages", "1")));

        JsonNode report = api.post("/api/connections/woo-links/links/match", null, 200);

        List<LoggedRequest> asked = WOO.findAll(getRequestedFor(urlPathEqualTo(PRODUCTS)));
        assertThat(asked).extracting(LoggedRequest::getUrl).containsOnly(PRODUCTS + "?per_page=100&page=1&orderby=id&order=asc")
                .hasSize(2);
        assertThat(Duration.between(asked.get(0).getLoggedDate().toInstant(), asked.get(1).getLoggedDate().toInstant()))
                .as("asked again only after the Retry-After second").isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(report.get("linked").asInt()).isEqualTo(1);
        assertThat(api.links(sku)).containsExactly("woo-links=" + id + "/" + sku + " by sku");
    }

    @Test
    void badRequestsAndAShopThatRefusesAreClearProblems() throws Exception {
        assertThat(api.post("/api/connections/woo-links/links/match?by=colour", null, 400).get("detail").asText())
                .isEqualTo("by: 'colour' is not one of sku, ean, name");
        assertThat(api.post("/api/connections/nowhere/links/match", null, 404).get("detail").asText())
                .isEqualTo("unknown connection 'nowhere'");
        assertThat(api.post("/api/connections/acme/links/match", null, 400).get("detail").asText())
                .contains("'acme' is not a shop the hub sends to");
        assertThat(api.get("/api/connections/woo-links/unlinked?side=both", 400).get("detail").asText())
                .isEqualTo("side: 'both' is not hub or shop");

        WOO.stubFor(get(urlPathEqualTo(PRODUCTS)).willReturn(aResponse().withStatus(401)
                .withBody("{\"code\":\"woocommerce_rest_cannot_view\",\"message\":\"Sorry, you cannot list resources.\"}")));
        JsonNode problem = api.post("/api/connections/woo-links/links/match", null, 502);

        assertThat(problem.get("detail").asText()).isEqualTo("connection 'woo-links': route woo-links-links-match: the shop "
                + "answered HTTP 401: woocommerce_rest_cannot_view: Sorry, you cannot list resources.")
                .doesNotContain(KEY).doesNotContain(SECRET);
        assertThat(WOO.findAll(getRequestedFor(urlPathEqualTo(PRODUCTS)))).as("the shared retries: 1 + 3").hasSize(4);
    }

    private String product(String name, String ean) {
        String sku = Skus.fresh("LINK-" + name);
        hub.saveProduct(sku, new ProductData(ean, name, Map.of()));
        return sku;
    }

    private static long shopId() {
        return ThreadLocalRandom.current().nextLong(1_000_000L, 1_000_000_000L);
    }

    private static String shopProduct(long id, String sku, String name) {
        return "{\"id\":" + id + ",\"parent_id\":0,\"sku\":\"" + sku + "\",\"name\":\"" + name + "\",\"global_unique_id\":\"\"}";
    }

    private static void stubPage(int page, int totalPages, String... products) {
        WOO.stubFor(get(urlPathEqualTo(PRODUCTS)).withQueryParam("page", equalTo(String.valueOf(page)))
                .withHeader("Authorization", equalTo(BASIC))
                .willReturn(okJson("[" + String.join(",", products) + "]").withHeader("X-WP-TotalPages", String.valueOf(totalPages))));
    }

    private List<String> unlinkedHubSkus() throws Exception {
        List<String> skus = new ArrayList<>();
        for (int offset = 0; ; offset += 1000) {
            JsonNode page = api.get("/api/connections/woo-links/unlinked?side=hub&limit=1000&offset=" + offset, 200);
            page.forEach(p -> skus.add(p.get("sku").asText()));
            if (page.size() < 1000) {
                return skus;
            }
        }
    }

    private SyncRecord productRecord(String sku) {
        return hub.syncRecords(new SyncRecordQuery(sku, null, null, null, 100)).stream()
                .filter(r -> r.field().equals("product")).findFirst().orElseThrow();
    }

    /** The newest stock record of the SKU sent to woo-links, or null. */
    private SyncRecord stockRecord(String sku) {
        return hub.syncRecords(new SyncRecordQuery(sku, null, null, null, 100)).stream()
                .filter(r -> r.field().equals("stock") && "woo-links".equals(r.connection())).findFirst().orElse(null);
    }
}
