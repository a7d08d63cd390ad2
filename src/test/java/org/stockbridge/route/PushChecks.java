package org.stockbridge.route;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stockbridge.hub.HubService;
import org.stockbridge.hub.SyncRecord;
import org.stockbridge.hub.SyncRecordQuery;

/** What hub-to-shop tests look at after a push: a product's outbox entries, its outgoing sync records, its failure. */
final class PushChecks {

    private final JdbcTemplate jdbc;
    private final HubService hub;
    private final TestRestTemplate http;
    private final ObjectMapper json;

    PushChecks(JdbcTemplate jdbc, HubService hub, TestRestTemplate http, ObjectMapper json) {
        this.jdbc = jdbc;
        this.hub = hub;
        this.http = http;
        this.json = json;
    }

    /** Waits until the SKU (a SQL LIKE pattern covers many) has outbox entries and none is still to be sent. */
    void awaitDone(String sku) {
        await().atMost(Duration.ofSeconds(20)).until(() -> outboxStates(sku),
                states -> states.stream().noneMatch(s -> s.equals("pending") || s.equals("sending")));
    }

    List<String> outboxStates(String sku) {
        return jdbc.queryForList("SELECT o.state FROM outbox o JOIN product p ON p.id = o.product_id WHERE p.sku LIKE ?",
                String.class, sku);
    }

    /** The product's outgoing sync records, newest first. */
    List<SyncRecord> outRecords(String sku) {
        return hub.syncRecords(new SyncRecordQuery(sku, null, null, null, 100)).stream()
                .filter(r -> r.direction().equals(SyncRecord.OUT)).toList();
    }

    /** The product's entry in {@code GET /api/failures}; null when it has none. */
    JsonNode failureOf(String sku) throws IOException {
        for (JsonNode failure : json.readTree(http.getForObject("/api/failures", String.class))) {
            if (failure.get("sku").asText().equals(sku)) {
                return failure;
            }
        }
        return null;
    }
}
