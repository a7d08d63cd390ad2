package org.stockbridge.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stockbridge.hub.HubService;
import org.stockbridge.hub.SyncRecord;
import org.stockbridge.hub.SyncRecordQuery;

/**
 * What hub-to-shop tests look at after a push, whatever the shop's format: a product's outbox entries, its outbound
 * sync records, its entry in {@code GET /api/failures}, and that no credential leaked into the log or the records.
 */
public record OutboundChecks(HubService hub, JdbcTemplate jdbc, TestRestTemplate http, ObjectMapper json) {

    /** Waits until the product has outbox entries and none of them is still to be sent. */
    public void awaitDone(String sku) {
        await().atMost(Duration.ofSeconds(20)).until(() -> outboxStates(sku),
                states -> states.stream().noneMatch(s -> s.equals("pending") || s.equals("sending")));
    }

    public List<String> outboxStates(String sku) {
        return jdbc.queryForList("SELECT o.state FROM outbox o JOIN product p ON p.id = o.product_id WHERE p.sku = ?",
                String.class, sku);
    }

    /** The product's outbound sync records, newest first. */
    public List<SyncRecord> outRecords(String sku) {
        return hub.syncRecords(new SyncRecordQuery(sku, null, null, null, 100)).stream()
                .filter(r -> r.direction().equals(SyncRecord.OUT)).toList();
    }

    /** The product's entry in {@code GET /api/failures}, or null. */
    public JsonNode failureOf(String sku) throws IOException {
        for (JsonNode failure : json.readTree(http.getForObject("/api/failures", String.class))) {
            if (failure.get("sku").asText().equals(sku)) {
                return failure;
            }
        }
        return null;
    }

    /** None of {@code secrets} in the log or in the products' sync records. */
    public void assertNoCredentials(CapturedOutput output, List<String> secrets, String... skus) {
        String reasons = Stream.of(skus).flatMap(sku -> outRecords(sku).stream()).map(SyncRecord::reason)
                .collect(Collectors.joining("\n"));
        for (String secret : secrets) {
            assertThat(output.getAll()).doesNotContain(secret);
            assertThat(reasons).doesNotContain(secret);
        }
    }
}
