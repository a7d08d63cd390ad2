package org.stockbridge.route;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToXml;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.stockbridge.support.ShopPushes.shopId;
import static org.stockbridge.support.ShopPushes.startedShop;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
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
import org.stockbridge.hub.HubService;
import org.stockbridge.hub.PriceChange;
import org.stockbridge.hub.StockChange;
import org.stockbridge.hub.SyncRecord;
import org.stockbridge.push.Reconciliation;
import org.stockbridge.support.ShopPushes;
import org.stockbridge.support.StopRoutesFirst;

/**
 * hub-to-shop with WireMock as a PrestaShop webservice ({@code presta-push}): one XML PATCH per value to the
 * product's stock row and to the product, PrestaShop's error list as the reason, the look-up for a link without the
 * stock row id, 429 with Retry-After and a 500 followed by success. Ids are random: links of earlier runs stay on
 * PostgreSQL, and (connection, external id) is unique.
 */
@HubTest
@DirtiesContext // the route polls WireMock, which stops with this class
@Import(ShopPushes.class)
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
        "stockbridge.push.retry-initial-delay=PT0.1S",
        "stockbridge.connections.presta-push.type=shop", "stockbridge.connections.presta-push.stock=inferior",
        "stockbridge.connections.presta-push.prices=inferior", "stockbridge.connections.presta-push.warehouse=main",
        "stockbridge.connections.presta-push.price-group=retail-pln",
        "stockbridge.connections.presta-push.format=prestashop",
        "stockbridge.connections.presta-push.settings.webserviceKey=" + PrestaShopPushRouteTest.KEY,
        "stockbridge.connections.presta-push.settings.requestsPerSecond=20"})
class PrestaShopPushRouteTest {

    static final String KEY = "GH7K2M9P4Q1R8S3T6V5W0X2Y7Z4A9B1C";
    /** base64(KEY + ":"), worked out independently of the code under test. */
    static final String BASIC = "Basic R0g3SzJNOVA0UTFSOFMzVDZWNVcwWDJZN1o0QTlCMUM6";

    static final WireMockServer PRESTA = startedShop();

    @DynamicPropertySource
    static void presta(DynamicPropertyRegistry registry) {
        registry.add("stockbridge.connections.presta-push.settings.baseUrl", PRESTA::baseUrl);
    }

    @RegisterExtension
    static final AfterAllCallback STOP_PRESTA = StopRoutesFirst.then(PRESTA::stop);

    @Autowired
    HubService hub;

    @Autowired
    ShopPushes pushes;

    @Autowired
    TestRestTemplate http;

    @Test
    void stockPatchesTheStockRowAndThePricePatchesTheProduct(CapturedOutput output) {
        long product = shopId();
        long stockRow = shopId();
        String sku = pushes.linkedProduct("PUSH-PS", "presta-push", product + ":" + stockRow);
        PRESTA.stubFor(patch(urlPathEqualTo("/api/stock_availables/" + stockRow)).willReturn(saved("stock_available", stockRow)));
        PRESTA.stubFor(patch(urlPathEqualTo("/api/products/" + product)).willReturn(saved("product", product)));

        hub.setStock(null, StockChange.set(sku, "main", 9, "test"));
        pushes.awaitDone(sku);
        hub.setPrice(null, new PriceChange(sku, "retail-pln", new BigDecimal("12.50"), "test"));
        pushes.awaitDone(sku);

        PRESTA.verify(1, patchRequestedFor(urlPathEqualTo("/api/stock_availables/" + stockRow))
                .withHeader("Authorization", equalTo(BASIC))
                .withHeader("Content-Type", equalTo("application/xml"))
                .withRequestBody(equalToXml("<prestashop xmlns:xlink=\"http://www.w3.org/1999/xlink\"><stock_available>"
                        + "<id>" + stockRow + "</id><quantity>9</quantity></stock_available></prestashop>")));
        PRESTA.verify(1, patchRequestedFor(urlPathEqualTo("/api/products/" + product))
                .withHeader("Authorization", equalTo(BASIC))
                .withRequestBody(equalToXml("<prestashop xmlns:xlink=\"http://www.w3.org/1999/xlink\"><product>"
                        + "<id>" + product + "</id><price>12.50</price></product></prestashop>")));
        assertThat(pushes.outRecords(sku)).extracting(SyncRecord::field, SyncRecord::result)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("price", "ok"), org.assertj.core.groups.Tuple.tuple("stock", "ok"));
        pushes.assertNoCredentials(output, List.of(KEY, BASIC.substring(6)), sku);
    }

    @Test
    void aProductPrestaShopDoesNotKnowFailsWithItsMessageAndTheOtherIsSaved() {
        long good = shopId();
        long gone = shopId();
        String goodSku = pushes.linkedProduct("PUSH-PSG", "presta-push", good + ":" + shopId());
        String goneSku = pushes.linkedProduct("PUSH-PSX", "presta-push", gone + ":" + shopId());
        PRESTA.stubFor(patch(urlPathEqualTo("/api/products/" + good)).willReturn(saved("product", good)));
        PRESTA.stubFor(patch(urlPathEqualTo("/api/products/" + gone)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "text/xml;charset=utf-8")
                .withBody(errors(92, "Invalid ID"))));

        hub.applyPrices(null, List.of(new PriceChange(goodSku, "retail-pln", new BigDecimal("3.00"), "test"),
                new PriceChange(goneSku, "retail-pln", new BigDecimal("4.00"), "test")));

        pushes.awaitDone(goodSku);
        assertThat(pushes.awaitFailure(goneSku).get("lastError").asText())
                .contains("HTTP 404: PrestaShop 92: Invalid ID");
        assertThat(pushes.failureOf(goodSku)).isNull();
        assertThat(pushes.outRecords(goodSku).get(0).result()).isEqualTo("ok");
        PRESTA.verify(1, patchRequestedFor(urlPathEqualTo("/api/products/" + gone)));
    }

    @Test
    void aLinkWithoutTheStockRowIdFailsNamingTheIdItShouldHave() {
        long product = shopId();
        String sku = pushes.linkedProduct("PUSH-PSL", "presta-push", String.valueOf(product));
        PRESTA.stubFor(get(urlPathEqualTo("/api/stock_availables")).withQueryParam("filter[id_product]", equalTo("[" + product + "]"))
                .willReturn(aResponse().withHeader("Content-Type", "text/xml;charset=utf-8").withBody(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><prestashop xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
                                + "<stock_availables><stock_available><id><![CDATA[77]]></id><id_product><![CDATA[" + product
                                + "]]></id_product><id_shop><![CDATA[1]]></id_shop></stock_available></stock_availables></prestashop>")));

        hub.setStock(null, StockChange.set(sku, "main", 2, "test"));

        assertThat(pushes.awaitFailure(sku).get("lastError").asText())
                .contains("the link of " + sku + " names product " + product).contains("link it as " + product + ":77");
        PRESTA.verify(1, getRequestedFor(urlPathEqualTo("/api/stock_availables"))
                .withQueryParam("filter[id_product_attribute]", equalTo("[0]")).withHeader("Authorization", equalTo(BASIC)));
        PRESTA.verify(0, patchRequestedFor(urlPathEqualTo("/api/stock_availables/77")));
    }

    /** Each 429 reaches the format and the outbox (HttpClient never re-sends by itself: route/ShopHttpClient). */
    @Test
    void tooManyRequestsWaitsForRetryAfterThenSends() {
        long stockRow = shopId();
        String sku = pushes.linkedProduct("PUSH-PSR", "presta-push", shopId() + ":" + stockRow);
        String path = "/api/stock_availables/" + stockRow;
        PRESTA.stubFor(patch(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("still busy"));
        PRESTA.stubFor(patch(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs("still busy")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("free"));
        PRESTA.stubFor(patch(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs("free")
                .willReturn(saved("stock_available", stockRow)));

        hub.setStock(null, StockChange.set(sku, "main", 1, "test"));

        pushes.awaitDone(sku);
        List<LoggedRequest> sent = PRESTA.findAll(patchRequestedFor(urlPathEqualTo(path)));
        assertThat(sent).hasSize(3);
        assertThat(pushes.outRecords(sku)).extracting(SyncRecord::result).containsExactly("ok", "retried", "retried");
        assertThat(pushes.outRecords(sku).get(1).reason()).contains("HTTP 429");
        assertThat(Duration.between(sent.get(0).getLoggedDate().toInstant(), sent.get(1).getLoggedDate().toInstant()))
                .as("the hub waits for Retry-After after the first 429 too").isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(Duration.between(sent.get(1).getLoggedDate().toInstant(), sent.get(2).getLoggedDate().toInstant()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aServerErrorIsRetriedAndTheLaterSuccessSendsTheValueOnce() {
        long product = shopId();
        String sku = pushes.linkedProduct("PUSH-PSE", "presta-push", product + ":" + shopId());
        String path = "/api/products/" + product;
        PRESTA.stubFor(patch(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500).withBody(errors(0, "Internal Server Error"))).willSetStateTo("up"));
        PRESTA.stubFor(patch(urlPathEqualTo(path)).inScenario(path).whenScenarioStateIs("up")
                .willReturn(saved("product", product)));

        hub.setPrice(null, new PriceChange(sku, "retail-pln", new BigDecimal("8.00"), "test"));

        pushes.awaitDone(sku);
        PRESTA.verify(2, patchRequestedFor(urlPathEqualTo(path)));
        assertThat(pushes.outRecords(sku)).extracting(SyncRecord::result).containsExactly("ok", "retried");
        assertThat(pushes.outRecords(sku).get(1).reason()).contains("HTTP 500: PrestaShop 0: Internal Server Error");
    }

    @Test
    void reconciliationReadsPricesFromTheProductListAndQuantitiesFromThePagesStockRowsAndCorrectsBoth() {
        long product = shopId();
        long stockRow = shopId();
        String sku = pushes.linkedProduct("PUSH-PSR", "presta-push", product + ":" + stockRow);
        long byHand = shopId();
        long byHandRow = shopId();
        String handSku = pushes.linkedProduct("PUSH-PSH", "presta-push", String.valueOf(byHand)); // no stock row id
        PRESTA.stubFor(patch(urlPathEqualTo("/api/stock_availables/" + stockRow)).willReturn(saved("stock_available", stockRow)));
        PRESTA.stubFor(patch(urlPathEqualTo("/api/products/" + product)).willReturn(saved("product", product)));
        PRESTA.stubFor(patch(urlPathEqualTo("/api/products/" + byHand)).willReturn(saved("product", byHand)));
        hub.setStock(null, StockChange.set(sku, "main", 3, "test"));
        hub.setPrice(null, new PriceChange(sku, "retail-pln", new BigDecimal("12.50"), "test"));
        hub.setPrice(null, new PriceChange(handSku, "retail-pln", new BigDecimal("8.00"), "test"));
        pushes.awaitDone(sku);
        pushes.awaitDone(handSku);
        // changed in PrestaShop's back office since: the list shows the price, the stock row the quantity
        PRESTA.stubFor(get(urlPathEqualTo("/api/products")).withQueryParam("limit", equalTo("0,100")).willReturn(aResponse().withHeader("Content-Type", "text/xml")
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><prestashop><products><product><id>" + product
                        + "</id><reference>MUG</reference><price>11.900000</price><name><language id=\"1\">Mug</language></name>"
                        + "<associations><stock_availables><stock_available><id>" + stockRow + "</id><id_product_attribute>0"
                        + "</id_product_attribute></stock_available></stock_availables></associations></product>"
                        + "<product><id>" + byHand + "</id><reference>PLATE</reference><price>7.000000</price><name><language id=\"1\">"
                        + "Plate</language></name><associations><stock_availables><stock_available><id>" + byHandRow + "</id>"
                        + "<id_product_attribute>0</id_product_attribute></stock_available></stock_availables></associations>"
                        + "</product></products></prestashop>")));
        PRESTA.stubFor(get(urlPathEqualTo("/api/stock_availables")).willReturn(aResponse().withHeader("Content-Type", "text/xml")
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><prestashop><stock_availables><stock_available><id>"
                        + stockRow + "</id><id_product>" + product + "</id_product><quantity>5</quantity></stock_available>"
                        + "<stock_available><id>" + byHandRow + "</id><id_product>" + byHand + "</id_product><quantity>1</quantity>"
                        + "</stock_available></stock_availables></prestashop>")));

        http.postForEntity("/api/shops/presta-push/reconcile", null, String.class);

        await().atMost(Duration.ofSeconds(20)).until(() -> PRESTA.findAll(patchRequestedFor(urlPathEqualTo(
                "/api/stock_availables/" + stockRow))).size() == 2 && PRESTA.findAll(patchRequestedFor(urlPathEqualTo(
                "/api/products/" + product))).size() == 2);
        pushes.awaitDone(sku);
        await().atMost(Duration.ofSeconds(20)).until(() -> PRESTA.findAll(patchRequestedFor(urlPathEqualTo(
                "/api/products/" + byHand))).size() == 2);
        pushes.awaitDone(handSku);
        assertThat(PRESTA.findAll(getRequestedFor(urlPathEqualTo("/api/stock_availables"))
                .withQueryParam("filter[id]", matching(".+")))).singleElement().satisfies(read -> {
            assertThat(read.queryParameter("filter[id]").firstValue()).isEqualTo("[" + stockRow + "|" + byHandRow + "]");
            assertThat(read.queryParameter("display").firstValue()).isEqualTo("[id,id_product,quantity]");
            assertThat(read.getHeader("Authorization")).isEqualTo(BASIC);
        });
        // the first push, then the correction: the shop showed 5 in between
        PRESTA.verify(2, patchRequestedFor(urlPathEqualTo("/api/stock_availables/" + stockRow)).withRequestBody(equalToXml(
                "<prestashop xmlns:xlink=\"http://www.w3.org/1999/xlink\"><stock_available><id>" + stockRow
                        + "</id><quantity>3</quantity></stock_available></prestashop>")));
        assertThat(pushes.outRecords(sku)).filteredOn(r -> r.result().equals(Reconciliation.CORRECTION))
                .extracting(SyncRecord::field, SyncRecord::oldValue, SyncRecord::newValue)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("stock", "5", "3"),
                        org.assertj.core.groups.Tuple.tuple("price", "11.90", "12.50"));
        // linked by hand (no stock row id): its price is compared; its stock could not be sent anyway
        assertThat(pushes.outRecords(handSku)).filteredOn(r -> r.result().equals(Reconciliation.CORRECTION))
                .extracting(SyncRecord::field, SyncRecord::oldValue, SyncRecord::newValue)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("price", "7.00", "8.00"));
    }

    /** PrestaShop answers an update with the resource as saved. */
    private static ResponseDefinitionBuilder saved(String resource, long id) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml;charset=utf-8")
                .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<prestashop xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n<"
                        + resource + ">\n\t<id><![CDATA[" + id + "]]></id>\n</" + resource + ">\n</prestashop>\n");
    }

    private static String errors(int code, String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<prestashop xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n<errors>\n"
                + "<error>\n<code><![CDATA[" + code + "]]></code>\n<message><![CDATA[" + message + "]]></message>\n</error>\n"
                + "</errors>\n</prestashop>\n";
    }
}
