package org.stockbridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.stockbridge.HubTest;
import org.stockbridge.Skus;

@HubTest
class ProductApiTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    private ResponseEntity<String> put(String path, String body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.PUT, new HttpEntity<>(body, headers), String.class);
    }

    private JsonNode get(String path) throws Exception {
        ResponseEntity<String> response = http.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    private String newProduct() {
        String sku = Skus.fresh("API");
        assertThat(put("/api/products/" + sku, "{\"ean\":\"5901234123457\",\"name\":\"Kubek\",\"attributes\":{\"color\":\"red\"}}")
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return sku;
    }

    @Test
    void productWithStockPricesAndAvailability() throws Exception {
        String sku = newProduct();
        assertThat(put("/api/products/" + sku + "/stock/main", "{\"quantity\":12}").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(put("/api/products/" + sku + "/prices/retail-pln", "{\"amount\":\"49.99\"}").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(put("/api/products/" + sku + "/links/woo-main", "{\"externalId\":\"1234\",\"externalSku\":\"W-1\"}")
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        JsonNode product = get("/api/products/" + sku);
        assertThat(product.get("sku").asText()).isEqualTo(sku);
        assertThat(product.get("ean").asText()).isEqualTo("5901234123457");
        assertThat(product.at("/attributes/color").asText()).isEqualTo("red");
        assertThat(product.at("/stock/main").asInt()).isEqualTo(12);
        assertThat(product.at("/available/main").asInt()).isEqualTo(12);
        assertThat(product.get("reserved").isEmpty()).isTrue();
        assertThat(product.at("/prices/retail-pln").asText()).isEqualTo("49.99");
        assertThat(product.at("/links/0/connection").asText()).isEqualTo("woo-main");
        assertThat(product.at("/links/0/externalId").asText()).isEqualTo("1234");
    }

    @Test
    void updatingAProductAnswers200AndKeepsItsStock() throws Exception {
        String sku = newProduct();
        put("/api/products/" + sku + "/stock/main", "{\"quantity\":3}");
        ResponseEntity<String> update = put("/api/products/" + sku, "{\"name\":\"Kubek duży\"}");

        assertThat(update.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode product = get("/api/products/" + sku);
        assertThat(product.get("name").asText()).isEqualTo("Kubek duży");
        assertThat(product.at("/stock/main").asInt()).isEqualTo(3);
    }

    @Test
    void refusalsAreProblemDetailsThatSayWhatWasWrongAndChangeNothing() throws Exception {
        String sku = newProduct();
        put("/api/products/" + sku + "/stock/main", "{\"quantity\":5}");

        assertProblem(http.getForEntity("/api/products/NO-SUCH-SKU", String.class), 404, "unknown SKU 'NO-SUCH-SKU'");
        assertProblem(put("/api/products/NO-SUCH-SKU/stock/main", "{\"quantity\":1}"), 404, "unknown SKU 'NO-SUCH-SKU'");
        assertProblem(put("/api/products/" + sku + "/stock/main", "{\"quantity\":-1}"), 400, "quantity: quantity must not be negative");
        assertProblem(put("/api/products/" + sku + "/stock/basement", "{\"quantity\":1}"), 404, "unknown warehouse 'basement'");
        assertProblem(put("/api/products/" + sku + "/stock/main", "{\"quantity\":"), 400, "malformed JSON");
        assertProblem(put("/api/products/" + sku + "/stock/main", "{\"quantity\":\"many\"}"), 400, "field 'quantity'");
        assertProblem(put("/api/products/" + sku + "/prices/retail-pln", "{\"amount\":\"12,50\"}"), 400, "amount must be a non-negative decimal");
        assertProblem(put("/api/products/" + sku + "/prices/gold", "{\"amount\":\"12.50\"}"), 404, "unknown price group 'gold'");
        assertProblem(put("/api/products/" + sku, "{\"ean\":\"12AB\"}"), 400, "ean: EAN must be 8, 12, 13 or 14 digits");

        JsonNode product = get("/api/products/" + sku);
        assertThat(product.at("/stock/main").asInt()).isEqualTo(5);
        assertThat(product.get("prices").isEmpty()).isTrue();
        assertThat(product.get("ean").asText()).isEqualTo("5901234123457");
        assertThat(get("/api/sync-records?sku=" + sku)).hasSize(1);
    }

    @Test
    void syncRecordsFilterBySkuConnectionAndTime() throws Exception {
        String sku = newProduct();
        Instant before = Instant.now().minusSeconds(1);
        put("/api/products/" + sku + "/stock/main", "{\"quantity\":5}");
        put("/api/products/" + sku + "/stock/main", "{\"quantity\":2}");

        JsonNode records = get("/api/sync-records?sku=" + sku + "&since=" + before);
        assertThat(records).hasSize(2);
        JsonNode newest = records.get(0);
        assertThat(newest.get("field").asText()).isEqualTo("stock[main]");
        assertThat(newest.get("oldValue").asText()).isEqualTo("5");
        assertThat(newest.get("newValue").asText()).isEqualTo("2");
        assertThat(newest.get("reason").asText()).isEqualTo("admin API (local)");
        assertThat(newest.get("connection").isNull()).isTrue();
        assertThat(get("/api/sync-records?sku=" + sku + "&since=" + Instant.now().plusSeconds(60))).isEmpty();
        assertThat(get("/api/sync-records?sku=" + sku + "&connection=acme")).isEmpty();
        assertProblem(http.getForEntity("/api/sync-records?since=yesterday", String.class), 400, "since");
    }

    @Test
    void referenceListsAndOpenApiDescription() throws Exception {
        assertThat(get("/api/warehouses").findValuesAsText("id")).contains("main", "acme");
        assertThat(get("/api/price-groups").findValuesAsText("currency")).contains("PLN", "EUR");
        JsonNode connections = get("/api/connections");
        assertThat(connections.findValuesAsText("id")).contains("woo-main", "acme");
        JsonNode api = get("/v3/api-docs");
        assertThat(api.at("/paths").fieldNames()).toIterable()
                .contains("/api/products/{sku}", "/api/products/{sku}/stock/{warehouse}", "/api/sync-records");
    }

    private void assertProblem(ResponseEntity<String> response, int status, String detail) throws Exception {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(response.getBody()).get("detail").asText()).contains(detail);
    }
}
