package org.stockbridge.route;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.stockbridge.support.ShopPushes.postsWith;
import static org.stockbridge.support.ShopPushes.postWith;
import static org.stockbridge.support.ShopPushes.startedShop;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

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
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.web.client.TestRestTemplate;
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
import org.stockbridge.support.ShopPushes;
import org.stockbridge.support.StopRoutesFirst;

/**
 * hub-to-shop with WireMock as a Shopify shop ({@code shopify-push}, batches of 2 so a few products make several
 * calls) and a Shopify shop in dry-run ({@code shopify-dry}). Every test links its own variants with random ids, so
 * the routes' continuous polling never mixes tests up; stubs and checks pick requests by those ids.
 */
@HubTest
@DirtiesContext // the routes poll WireMock, which stops with this class
@Import(ShopPushes.class)
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
        "stockbridge.push.retry-initial-delay=PT0.1S",
        "stockbridge.connections.shopify-push.type=shop", "stockbridge.connections.shopify-push.stock=inferior",
        "stockbridge.connections.shopify-push.prices=inferior", "stockbridge.connections.shopify-push.warehouse=main",
        "stockbridge.connections.shopify-push.price-group=retail-pln", "stockbridge.connections.shopify-push.format=shopify",
        "stockbridge.connections.shopify-push.settings.accessToken=" + ShopifyHubToShopRouteTest.TOKEN,
        "stockbridge.connections.shopify-push.settings.locationId=64071",
        "stockbridge.connections.shopify-push.settings.batchSize=2",
        "stockbridge.connections.shopify-push.settings.requestsPerSecond=20",
        "stockbridge.connections.shopify-dry.type=shop", "stockbridge.connections.shopify-dry.stock=inferior",
        "stockbridge.connections.shopify-dry.warehouse=main", "stockbridge.connections.shopify-dry.format=shopify",
        "stockbridge.connections.shopify-dry.dry-run=true",
        "stockbridge.connections.shopify-dry.settings.baseUrl=https://dry-demo.myshopify.com",
        "stockbridge.connections.shopify-dry.settings.accessToken=" + ShopifyHubToShopRouteTest.TOKEN,
        "stockbridge.connections.shopify-dry.settings.locationId=gid://shopify/Location/77"})
class ShopifyHubToShopRouteTest {

    static final String TOKEN = "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";
    static final String GRAPHQL = "/admin/api/2026-10/graphql.json";
    static final String LOCATION = "gid://shopify/Location/64071";

    static final WireMockServer SHOP = startedShop();

    @DynamicPropertySource
    static void shop(DynamicPropertyRegistry registry) {
        registry.add("stockbridge.connections.shopify-push.settings.baseUrl", SHOP::baseUrl);
    }

    @RegisterExtension
    static final AfterAllCallback STOP_SHOP = StopRoutesFirst.then(SHOP::stop);

    @Autowired
    HubService hub;

    @Autowired
    ShopPushes pushes;

    @Autowired
    ObjectMapper json;

    @Autowired
    TestRestTemplate http;

    /** A hub product linked to a Shopify variant. */
    record Variant(String sku, long product, long variant, long item) {
        String itemGid() {
            return "gid://shopify/InventoryItem/" + item;
        }

        String variantGid() {
            return "gid://shopify/ProductVariant/" + variant;
        }

        /** Where a stock call's body names this variant's inventory item. */
        String inStockCall() {
            return "$.variables.input.quantities[?(@.inventoryItemId == '" + itemGid() + "')]";
        }

        /** Where a price call's body names this variant. */
        String inPriceCall() {
            return "$.variables.variants[?(@.id == '" + variantGid() + "')]";
        }
    }

    @Test
    void stockIsSetWithTheTokenAnIdempotencyKeyAndWhatWasLastSentAsChangeFromQuantity(CapturedOutput output) throws IOException {
        Variant mug = linked("S", "shopify-push", randomId());
        SHOP.stubFor(stockCallWith(mug).willReturn(okJson(stockSaved())));

        hub.setStock(null, StockChange.set(mug.sku(), "main", 7, "test"));
        pushes.awaitDone(mug.sku());
        hub.setStock(null, StockChange.set(mug.sku(), "main", 4, "test"));
        await().atMost(Duration.ofSeconds(20)).until(() -> stockCalls(mug).size() == 2 && pushes.outRecords(mug.sku()).size() == 2);

        List<LoggedRequest> sent = stockCalls(mug);
        assertThat(sent.get(0).getHeader("X-Shopify-Access-Token")).isEqualTo(TOKEN);
        assertThat(sent.get(0).getHeader("Content-Type")).startsWith("application/json");
        List<SyncRecord> records = pushes.outRecords(mug.sku()); // newest first
        JsonNode first = json.readTree(sent.get(0).getBodyAsString());
        String firstId = records.get(1).requestId();
        assertThat(first.get("query").asText())
                .contains("inventorySetQuantities(input: $input) @idempotent(key: \"" + firstId + "\")");
        assertThat(first.get("variables")).isEqualTo(json.readTree("""
                {"input": {"name": "available", "reason": "correction",
                  "referenceDocumentUri": "gid://stockbridge/ShopRequest/%s",
                  "quantities": [{"inventoryItemId": "%s", "locationId": "%s", "quantity": 7, "changeFromQuantity": null}]}}
                """.formatted(firstId, mug.itemGid(), LOCATION)));
        JsonNode second = json.readTree(sent.get(1).getBodyAsString());
        assertThat(second.at("/variables/input/quantities/0/quantity").asInt()).isEqualTo(4);
        assertThat(second.at("/variables/input/quantities/0/changeFromQuantity").asInt())
                .as("the hub last sent 7, so it expects the shop to show 7").isEqualTo(7);
        assertThat(second.get("query").asText()).contains("key: \"" + records.get(0).requestId() + "\"")
                .doesNotContain(firstId);
        assertThat(records).extracting(SyncRecord::oldValue).containsExactly("7", null);
        assertThat(records).extracting(SyncRecord::newValue).containsExactly("4", "7");
        assertThat(records).extracting(SyncRecord::result).containsOnly("ok");
        pushes.assertNoCredentials(output, List.of(TOKEN), mug.sku());
    }

    @Test
    void reconciliationReadsTheAvailableQuantityAtTheLocationAndSetsItBack() throws IOException {
        Variant mug = linked("C", "shopify-push", randomId());
        SHOP.stubFor(stockCallWith(mug).willReturn(okJson(stockSaved())));
        hub.setStock(null, StockChange.set(mug.sku(), "main", 8, "test"));
        pushes.awaitDone(mug.sku());
        // a sale in Shopify's own till took 3: the shop shows 5
        SHOP.stubFor(postWith(GRAPHQL, "X-Shopify-Access-Token", TOKEN, "$.variables[?(@.location == '" + LOCATION + "')]")
                .willReturn(okJson("""
                        {"data": {"productVariants": {"nodes": [
                          {"id": "%s", "sku": "%s", "barcode": null, "title": "Default Title", "price": "1.00",
                           "inventoryItem": {"id": "%s", "inventoryLevel": {"quantities": [{"name": "available", "quantity": 5}]}},
                           "product": {"id": "gid://shopify/Product/%d", "title": "Mug"}}],
                          "pageInfo": {"hasNextPage": false, "endCursor": null}}}}""".formatted(mug.variantGid(), mug.sku(),
                                mug.itemGid(), mug.product()))));

        assertThat(http.postForEntity("/api/shops/shopify-push/reconcile", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);

        await().atMost(Duration.ofSeconds(20)).until(() -> stockCalls(mug).size() == 2);
        pushes.awaitDone(mug.sku());
        List<JsonNode> sent = new ArrayList<>();
        for (LoggedRequest call : stockCalls(mug)) {
            sent.add(json.readTree(call.getBodyAsString()).at("/variables/input/quantities/0"));
        }
        // a correction is forced, like "sync now": it sets the quantity whatever the shop shows by then
        assertThat(sent).extracting(q -> q.get("quantity").asInt(), q -> q.get("changeFromQuantity").isNull())
                .containsExactly(tuple(8, true), tuple(8, true));
        assertThat(pushes.outRecords(mug.sku())).extracting(SyncRecord::field, SyncRecord::oldValue, SyncRecord::newValue,
                SyncRecord::result).as("newest first; no price in the hub, so none compared").containsExactly(
                        tuple("stock", "5", "8", "ok"), tuple("stock", "5", "8", "correction"), tuple("stock", null, "8", "ok"));
    }

    @Test
    void fiveChangesInOneTransactionGoAsCallsOfTheConfiguredBatchSize() throws IOException {
        long product = randomId();
        List<Variant> variants = IntStream.range(0, 5).mapToObj(i -> linked("B" + i, "shopify-push", product)).toList();
        variants.forEach(v -> SHOP.stubFor(stockCallWith(v).willReturn(okJson(stockSaved()))));

        hub.applyStock(null, variants.stream().map(v -> StockChange.set(v.sku(), "main", 3, "test")).toList());

        variants.forEach(v -> pushes.awaitDone(v.sku()));
        List<LoggedRequest> calls = SHOP.findAll(postRequestedFor(urlPathEqualTo(GRAPHQL))).stream()
                .filter(r -> variants.stream().anyMatch(v -> r.getBodyAsString().contains(v.itemGid()))).toList();
        List<Integer> sizes = new ArrayList<>();
        List<String> items = new ArrayList<>();
        for (LoggedRequest call : calls) {
            JsonNode quantities = json.readTree(call.getBodyAsString()).at("/variables/input/quantities");
            sizes.add(quantities.size());
            quantities.forEach(q -> items.add(q.get("inventoryItemId").asText()));
        }
        assertThat(sizes).containsExactlyInAnyOrder(2, 2, 1);
        assertThat(items).containsExactlyInAnyOrderElementsOf(variants.stream().map(Variant::itemGid).toList());
        variants.forEach(v -> assertThat(pushes.outRecords(v.sku())).extracting(SyncRecord::result).containsExactly("ok"));
    }

    @Test
    void aThrottledCallWaitsUntilTheMissingCostHasFlowedBackThenSucceeds() throws IOException {
        Variant mug = linked("T", "shopify-push", randomId());
        String scenario = "throttled-" + mug.item();
        // 110 points asked, 10 available, 100 restored a second: 1 s, ten times the route's first backoff here
        SHOP.stubFor(stockCallWith(mug).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("""
                        {"errors": [{"message": "Throttled", "extensions": {"code": "THROTTLED",
                          "documentation": "https://shopify.dev/api/usage/rate-limits"}}],
                         "extensions": {"cost": {"requestedQueryCost": 110, "actualQueryCost": null,
                          "throttleStatus": {"maximumAvailable": 2000.0, "currentlyAvailable": 10, "restoreRate": 100.0}}}}"""))
                .willSetStateTo("refilled"));
        SHOP.stubFor(stockCallWith(mug).inScenario(scenario).whenScenarioStateIs("refilled").willReturn(okJson(stockSaved())));

        hub.setStock(null, StockChange.set(mug.sku(), "main", 9, "test"));

        await().atMost(Duration.ofSeconds(20)).until(() -> pushes.outRecords(mug.sku()).stream().anyMatch(r -> r.result().equals("ok")));
        List<LoggedRequest> sent = stockCalls(mug);
        assertThat(sent).hasSize(2);
        assertThat(Duration.between(sent.get(0).getLoggedDate().toInstant(), sent.get(1).getLoggedDate().toInstant()))
                .as("the retry waited for the bucket").isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(json.readTree(sent.get(1).getBodyAsString()).at("/variables/input/quantities/0"))
                .isEqualTo(json.readTree(sent.get(0).getBodyAsString()).at("/variables/input/quantities/0"));
        List<SyncRecord> records = pushes.outRecords(mug.sku());
        assertThat(records).extracting(SyncRecord::result).containsExactly("ok", "retried");
        assertThat(records.get(1).reason()).contains("Shopify THROTTLED: Throttled");
    }

    @Test
    void aServerErrorIsRetriedAndTheNextAnswerSettlesIt() {
        Variant mug = linked("E", "shopify-push", randomId());
        String scenario = "down-" + mug.item();
        SHOP.stubFor(stockCallWith(mug).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(serverError().withBody("{\"errors\":\"Internal Server Error\"}")).willSetStateTo("up"));
        SHOP.stubFor(stockCallWith(mug).inScenario(scenario).whenScenarioStateIs("up").willReturn(okJson(stockSaved())));

        hub.setStock(null, StockChange.set(mug.sku(), "main", 2, "test"));

        pushes.awaitDone(mug.sku());
        assertThat(stockCalls(mug)).hasSize(2);
        List<SyncRecord> records = pushes.outRecords(mug.sku());
        assertThat(records).extracting(SyncRecord::result).containsExactly("ok", "retried");
        assertThat(records.get(1).reason()).contains("HTTP 500");
    }

    @Test
    void aRefusedPriceFailsAloneAndTheProductsOtherVariantIsSaved() throws IOException {
        long product = randomId();
        Variant small = linked("PS", "shopify-push", product);
        Variant large = linked("PL", "shopify-push", product);
        SHOP.stubFor(priceCallWith(small).willReturn(okJson("""
                {"data": {"productVariantsBulkUpdate": {
                  "productVariants": [{"id": "%s"}],
                  "userErrors": [{"code": "INVALID_INPUT", "field": ["variants", "1", "price"],
                    "message": "Price must be less than 1000000000000000000"}]}}}""".formatted(small.variantGid()))));

        hub.applyPrices(null, List.of(new PriceChange(small.sku(), "retail-pln", new BigDecimal("49.90"), "test"),
                new PriceChange(large.sku(), "retail-pln", new BigDecimal("59.90"), "test")));

        pushes.awaitDone(small.sku());
        JsonNode failure = pushes.awaitFailure(large.sku());
        List<LoggedRequest> sent = postsWith(SHOP, GRAPHQL, small.inPriceCall());
        assertThat(sent).hasSize(1);
        JsonNode body = json.readTree(sent.get(0).getBodyAsString());
        assertThat(body.get("query").asText()).contains("allowPartialUpdates: true");
        assertThat(body.get("variables")).isEqualTo(json.readTree("""
                {"productId": "gid://shopify/Product/%d", "variants": [
                  {"id": "%s", "price": "49.90"}, {"id": "%s", "price": "59.90"}]}
                """.formatted(product, small.variantGid(), large.variantGid())));
        assertThat(pushes.outRecords(small.sku())).extracting(SyncRecord::result).containsExactly("ok");
        assertThat(pushes.outRecords(large.sku())).extracting(SyncRecord::result).containsExactly("failed");
        assertThat(failure.get("connection").asText()).isEqualTo("shopify-push");
        assertThat(failure.get("kind").asText()).isEqualTo("price");
        assertThat(failure.get("lastError").asText()).contains("Shopify INVALID_INPUT: Price must be less than");
        assertThat(pushes.failureOf(small.sku())).isNull();
    }

    @Test
    void aStaleCompareFailsThatItemAndTheUnsavedRestGoesAgainWithoutIt() throws IOException {
        long product = randomId();
        Variant kept = linked("CK", "shopify-push", product);
        Variant stale = linked("CS", "shopify-push", product);
        String scenario = "stale-" + kept.item();
        SHOP.stubFor(stockCallWith(kept).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("""
                        {"data": {"inventorySetQuantities": {"inventoryAdjustmentGroup": null,
                          "userErrors": [{"code": "CHANGE_FROM_QUANTITY_STALE",
                            "field": ["input", "quantities", "1", "changeFromQuantity"],
                            "message": "The specified compare quantity does not match the current quantity."}]}}}"""))
                .willSetStateTo("again"));
        SHOP.stubFor(stockCallWith(kept).inScenario(scenario).whenScenarioStateIs("again").willReturn(okJson(stockSaved())));

        hub.applyStock(null, List.of(StockChange.set(kept.sku(), "main", 5, "test"), StockChange.set(stale.sku(), "main", 6, "test")));

        JsonNode failure = pushes.awaitFailure(stale.sku());
        await().atMost(Duration.ofSeconds(20)).until(() -> pushes.outRecords(kept.sku()).stream().anyMatch(r -> r.result().equals("ok")));
        assertThat(failure.get("lastError").asText()).contains("CHANGE_FROM_QUANTITY_STALE");
        List<LoggedRequest> sent = stockCalls(kept);
        assertThat(sent).hasSize(2);
        assertThat(json.readTree(sent.get(0).getBodyAsString()).at("/variables/input/quantities").size()).isEqualTo(2);
        JsonNode again = json.readTree(sent.get(1).getBodyAsString()).at("/variables/input/quantities");
        assertThat(again.size()).as("only the item Shopify did not refuse").isEqualTo(1);
        assertThat(again.get(0).get("inventoryItemId").asText()).isEqualTo(kept.itemGid());
        assertThat(pushes.outRecords(kept.sku())).extracting(SyncRecord::result).containsExactly("ok", "retried");
        assertThat(pushes.outRecords(stale.sku())).extracting(SyncRecord::result).containsExactly("failed");
    }

    @Test
    void dryRunWritesTheGraphqlCallWithTheTokenMasked(CapturedOutput output) throws IOException {
        Variant mug = linked("D", "shopify-dry", randomId());

        hub.setStock(null, StockChange.set(mug.sku(), "main", 6, "test"));

        pushes.awaitDone(mug.sku());
        SyncRecord out = pushes.outRecords(mug.sku()).get(0);
        assertThat(out.result()).isEqualTo("dry-run");
        String file = Files.readString(Path.of("target/test-data/dry-run/shopify-dry/" + out.requestId() + ".http"));
        assertThat(file).startsWith("POST https://dry-demo.myshopify.com" + GRAPHQL + "\n")
                .contains("X-Shopify-Access-Token: ****")
                .contains("\"inventoryItemId\":\"" + mug.itemGid() + "\"")
                .contains("\"locationId\":\"gid://shopify/Location/77\"")
                .doesNotContain(TOKEN);
        pushes.assertNoCredentials(output, List.of(TOKEN), mug.sku());
    }

    private Variant linked(String prefix, String connection, long product) {
        long variant = randomId();
        long item = randomId();
        String sku = pushes.linkedProduct("SHOPIFY-" + prefix, connection, product + "/" + variant + "/" + item);
        return new Variant(sku, product, variant, item);
    }

    /** Random Shopify ids: on PostgreSQL links of earlier runs stay, and (connection, external id) is unique. */
    private static long randomId() {
        return ThreadLocalRandom.current().nextLong(1_000_000L, 1_000_000_000_000L);
    }

    private static MappingBuilder stockCallWith(Variant variant) {
        return postWith(GRAPHQL, "X-Shopify-Access-Token", TOKEN, variant.inStockCall());
    }

    private static MappingBuilder priceCallWith(Variant variant) {
        return postWith(GRAPHQL, "X-Shopify-Access-Token", TOKEN, variant.inPriceCall());
    }

    private static List<LoggedRequest> stockCalls(Variant variant) {
        return postsWith(SHOP, GRAPHQL, variant.inStockCall());
    }

    private static String stockSaved() {
        return """
                {"data": {"inventorySetQuantities": {
                  "inventoryAdjustmentGroup": {"id": "gid://shopify/InventoryAdjustmentGroup/%d"}, "userErrors": []}},
                 "extensions": {"cost": {"requestedQueryCost": 10, "actualQueryCost": 10,
                  "throttleStatus": {"maximumAvailable": 2000.0, "currentlyAvailable": 1990, "restoreRate": 100.0}}}}"""
                .formatted(randomId());
    }
}
