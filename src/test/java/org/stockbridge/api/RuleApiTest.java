package org.stockbridge.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.stockbridge.HubTest;
import org.stockbridge.Skus;
import org.stockbridge.rules.SyncRule;
import org.stockbridge.rules.store.SyncRuleStore;
import org.stockbridge.rules.store.SyncRules;
import org.springframework.transaction.support.TransactionTemplate;

@HubTest
class RuleApiTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Autowired
    SyncRules rules;

    @Autowired
    SyncRuleStore store;

    @Autowired
    TransactionTemplate transaction;

    private ResponseEntity<String> send(HttpMethod method, String path, String body) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private static String rule(String name, String extra) {
        return "{\"name\":\"" + name + "\",\"skuPattern\":\"ACME-*\",\"warehouses\":[\"main\",\"acme\"],"
                + "\"shops\":[\"woo-main\",\"allegro\"]" + extra + "}";
    }

    @Test
    void aRuleIsCreatedReadUpdatedAndDeleted() throws Exception {
        String name = Skus.fresh("Acme 50%");
        ResponseEntity<String> created = send(HttpMethod.POST, "/api/rules", rule(name, ",\"syncRatePercent\":50,\"threshold\":5"));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        JsonNode body = json.readTree(created.getBody());
        long id = body.at("/rule/id").asLong();
        assertThat(body.at("/rule/syncRatePercent").asInt()).isEqualTo(50);
        assertThat(body.at("/rule/priority").asInt()).as("default priority").isEqualTo(100);
        assertThat(body.get("warnings")).isEmpty();
        assertThat(created.getHeaders().getLocation()).hasToString("/api/rules/" + id);

        JsonNode read = json.readTree(http.getForObject("/api/rules/" + id, String.class));
        assertThat(read.at("/skuSelector/pattern").asText()).isEqualTo("ACME-*");
        assertThat(read.get("warehouses").toString()).isEqualTo("[\"main\",\"acme\"]");

        ResponseEntity<String> updated = send(HttpMethod.PUT, "/api/rules/" + id, rule(name, ",\"syncRatePercent\":80,\"priority\":1"));
        assertThat(updated.getStatusCode().value()).isEqualTo(200);
        assertThat(rules.find(id).orElseThrow().syncRatePercent()).isEqualTo(80);
        assertThat(rules.engine().rules()).anySatisfy(r -> assertThat(r.name()).isEqualTo(name));

        assertThat(send(HttpMethod.DELETE, "/api/rules/" + id, null).getStatusCode().value()).isEqualTo(204);
        assertThat(http.getForEntity("/api/rules/" + id, String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(rules.engine().rules()).noneSatisfy(r -> assertThat(r.name()).isEqualTo(name));
    }

    /**
     * Two hub instances share the database: a rule saved through the other instance applies to this one's next
     * computation (each instance compiles the rules again when the rule set's version moved).
     */
    @Test
    void aRuleSavedThroughAnotherInstanceAppliesHereToo() throws Exception {
        String name = Skus.fresh("Other instance");
        assertThat(rules.engine().rules()).noneSatisfy(r -> assertThat(r.name()).isEqualTo(name));
        SyncRules otherInstance = new SyncRules(store);

        SyncRule rule = json.readValue(rule(name, ",\"syncRatePercent\":50"), RuleRequest.class).toRule();

        SyncRule saved = transaction.execute(tx -> otherInstance.create(rule).rule());

        assertThat(rules.engine().rules()).anySatisfy(r -> assertThat(r.name()).isEqualTo(name));
        transaction.executeWithoutResult(tx -> otherInstance.delete(saved.id()));
        assertThat(rules.engine().rules()).noneSatisfy(r -> assertThat(r.name()).isEqualTo(name));
    }

    @Test
    void anInvalidRuleIsRefusedWithEveryProblemNamed() throws Exception {
        ResponseEntity<String> refused = send(HttpMethod.POST, "/api/rules",
                rule(Skus.fresh("bad"), ",\"syncRatePercent\":150,\"priorityShop\":\"amazon\",\"safetyStock\":10"));

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        JsonNode problem = json.readTree(refused.getBody());
        assertThat(problem.get("problems").findValuesAsText("field")).contains("syncRatePercent", "priorityShop");
        assertThat(problem.get("detail").asText()).contains("amazon");
    }

    @Test
    void safetyStockNotAboveTheThresholdIsSavedWithAWarning() throws Exception {
        ResponseEntity<String> created = send(HttpMethod.POST, "/api/rules",
                rule(Skus.fresh("warn"), ",\"threshold\":10,\"priorityShop\":\"woo-main\",\"safetyStock\":5"));

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        JsonNode body = json.readTree(created.getBody());
        assertThat(body.get("warnings").findValuesAsText("field")).contains("safetyStock");
        send(HttpMethod.DELETE, "/api/rules/" + body.at("/rule/id").asLong(), null);
    }

    @Test
    void theTwoHundredAndFirstRuleIsRefused() throws Exception {
        java.util.List<Long> made = new java.util.ArrayList<>();
        try {
            while (rules.all().size() < 200) {
                made.add(rules.create(new RuleRequest(Skus.fresh("r"), java.util.List.of("SKU-1"), null,
                        java.util.List.of("main"), java.util.List.of("woo-main"), null, null, null, null, null, null).toRule()).rule().id());
            }
            ResponseEntity<String> refused = send(HttpMethod.POST, "/api/rules", rule(Skus.fresh("one too many"), ""));
            assertThat(refused.getStatusCode().value()).isEqualTo(400);
            assertThat(json.readTree(refused.getBody()).get("detail").asText()).contains("200");
        } finally {
            made.forEach(rules::delete);
        }
    }
}
