package org.stockbridge.links;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.stockbridge.HubTest;
import org.stockbridge.Skus;
import org.stockbridge.hub.ProductData;
import org.stockbridge.hub.SyncRecord;
import org.stockbridge.hub.SyncRecordQuery;
import org.stockbridge.support.FormFields;
import org.stockbridge.support.StopRoutesFirst;

/** Bulk linking and products-to-shop against WireMock standing in for BaseLinker's single endpoint ({@code bl-links}). */
@HubTest
@DirtiesContext // the routes use WireMock, which stops with this class
@TestPropertySource(properties = {
        "stockbridge.retry.initial-delay=10",
        "stockbridge.connections.bl-links.type=shop", "stockbridge.connections.bl-links.stock=inferior",
        "stockbridge.connections.bl-links.warehouse=main", "stockbridge.connections.bl-links.format=baselinker",
        "stockbridge.connections.bl-links.settings.token=" + ShopLinksBaseLinkerTest.TOKEN,
        "stockbridge.connections.bl-links.settings.inventoryId=307",
        "stockbridge.connections.bl-links.settings.warehouseId=bl_206"})
class ShopLinksBaseLinkerTest extends ShopStandInTest {

    static final String TOKEN = "3001234-3009876-LINKSTESTTOKEN0123456789";
    static final String ENDPOINT = "/connector.php";

    static final WireMockServer BL = new WireMockServer(options().dynamicPort());

    static {
        BL.start();
    }

    @DynamicPropertySource
    static void baseLinker(DynamicPropertyRegistry registry) {
        registry.add("stockbridge.connections.bl-links.settings.baseUrl", () -> BL.baseUrl() + ENDPOINT);
    }

    @RegisterExtension
    static final AfterAllCallback STOP_BL = StopRoutesFirst.then(BL::stop);

    @Override
    WireMockServer shop() {
        return BL;
    }

    @Test
    void matchByEanThenNameLinksUniqueMatchesAndLeavesAnEanOfTwoHubProductsUnlinked() throws Exception {
        String ean = ean(), shared = ean(), name = Skus.fresh("Blue mug");
        String byEan = product(ean, "Red mug"), byName = product(null, name);
        String twin1 = product(shared, "Twin"), twin2 = product(shared, "Twin");
        long idEan = shopId(), idName = shopId(), idShared = shopId();
        BL.stubFor(post(urlPathEqualTo(ENDPOINT)).withHeader("X-BLToken", equalTo(TOKEN))
                .withRequestBody(containing("method=getInventoryProductsList"))
                .willReturn(okJson("{\"status\":\"SUCCESS\",\"products\":{"
                        + "\"" + idEan + "\":{\"id\":" + idEan + ",\"ean\":\"" + ean + "\",\"sku\":\"\",\"name\":\"Mug, red\"},"
                        + "\"" + idName + "\":{\"id\":" + idName + ",\"ean\":\"\",\"sku\":\"\",\"name\":\"" + name + "\"},"
                        + "\"" + idShared + "\":{\"id\":" + idShared + ",\"ean\":\"" + shared + "\",\"sku\":\"\",\"name\":\"Twin\"}}}")));

        JsonNode report = api.post("/api/connections/bl-links/links/match?by=ean,name", null, 200);

        // the product list; the stock the new links bring (hub-to-bl-links) may already follow it
        List<LoggedRequest> calls = BL.findAll(postRequestedFor(urlPathEqualTo(ENDPOINT))
                .withRequestBody(containing("method=getInventoryProductsList")));
        assertThat(calls).hasSize(1); // fewer than 1000 products: the first page is the last
        assertThat(FormFields.decode(calls.get(0).getBodyAsString())).containsExactly(Map.entry("method", "getInventoryProductsList"),
                Map.entry("parameters", "{\"inventory_id\":307,\"page\":1,\"include_variants\":true}"));
        assertThat(calls.get(0).getHeader("X-BLToken")).isEqualTo(TOKEN);
        assertThat(report.get("matchedBy").toString()).isEqualTo("[\"ean\",\"name\"]");
        assertThat(report.get("shopProducts").asInt()).isEqualTo(3);
        assertThat(report.get("linked").asInt()).isEqualTo(2);
        assertThat(report.get("unmatchedShop").asInt()).isZero();
        assertThat(report.get("ambiguous")).hasSize(1);
        assertThat(report.get("ambiguous").get(0).get("externalId").asText()).isEqualTo(String.valueOf(idShared));
        assertThat(report.get("ambiguous").get(0).get("reason").asText())
                .startsWith("EAN '" + shared + "' belongs to several hub products").contains(twin1).contains(twin2);
        assertThat(api.links(byEan)).containsExactly("bl-links=" + idEan + "/null by ean");
        assertThat(api.links(byName)).containsExactly("bl-links=" + idName + "/null by name");
        assertThat(api.links(twin1)).isEmpty();
        assertThat(api.links(twin2)).isEmpty();
    }

    @Test
    void productsToShopIsOneAddInventoryProductCallPerProductAndARefusedOneIsNotLinked() throws Exception {
        String ean = ean();
        String mug = product(ean, "Mug"), dup = product(null, "Dup");
        long idMug = shopId();
        BL.stubFor(post(urlPathEqualTo(ENDPOINT)).withRequestBody(containing("method=addInventoryProduct"))
                .withRequestBody(containing(mug)).willReturn(okJson("{\"status\":\"SUCCESS\",\"product_id\":" + idMug + "}")));
        BL.stubFor(post(urlPathEqualTo(ENDPOINT)).withRequestBody(containing("method=addInventoryProduct"))
                .withRequestBody(containing(dup)).willReturn(okJson(
                        "{\"status\":\"ERROR\",\"error_code\":\"ERROR_PRODUCT_SKU_EXISTS\",\"error_message\":\"SKU already in use\"}")));

        JsonNode report = api.post("/api/connections/bl-links/products-to-shop", "{\"skus\":[\"" + mug + "\",\"" + dup + "\"]}", 200);

        List<LoggedRequest> calls = BL.findAll(postRequestedFor(urlPathEqualTo(ENDPOINT))
                .withRequestBody(containing("method=addInventoryProduct")));
        assertThat(calls).hasSize(2);
        assertThat(FormFields.decode(calls.get(0).getBodyAsString()).get("parameters")).isEqualTo("{\"inventory_id\":307,\"product_id\":\"\",\"sku\":\""
                + mug + "\",\"ean\":\"" + ean + "\",\"text_fields\":{\"name\":\"Mug\"}}");
        assertThat(FormFields.decode(calls.get(1).getBodyAsString()).get("parameters")).isEqualTo("{\"inventory_id\":307,\"product_id\":\"\",\"sku\":\""
                + dup + "\",\"text_fields\":{\"name\":\"Dup\"}}");
        assertThat(report.get("created").asInt()).isEqualTo(1);
        assertThat(report.get("failed").asInt()).isEqualTo(1);
        assertThat(api.links(mug)).containsExactly("bl-links=" + idMug + "/" + mug + " by export");
        assertThat(api.links(dup)).isEmpty();
        SyncRecord refused = hub.syncRecords(new SyncRecordQuery(dup, "bl-links", null, null, 10)).get(0);
        assertThat(refused.field()).isEqualTo("product");
        assertThat(refused.result()).isEqualTo("failed");
        assertThat(refused.reason()).isEqualTo("products-to-shop: not created: BaseLinker ERROR_PRODUCT_SKU_EXISTS: SKU already in use");
    }

    private String product(String ean, String name) {
        String sku = Skus.fresh("BL-LINK");
        hub.saveProduct(sku, new ProductData(ean, name, Map.of()));
        return sku;
    }

    private static String ean() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 9_999_999_999_999L));
    }

    private static long shopId() {
        return ThreadLocalRandom.current().nextLong(1_000_000L, 1_000_000_000L);
    }
}
