package org.stockbridge.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stockbridge.Skus;
import org.stockbridge.hub.HubService;
import org.stockbridge.hub.Link;
import org.stockbridge.hub.ProductData;
import org.stockbridge.hub.SyncRecord;
import org.stockbridge.hub.SyncRecordQuery;

/**
 * What a hub-to-shop test looks at after a change: the product's outbox entries, its outbound sync records and
 * its entry in the failures API — the things an operator sees. A test brings it in with
 * {@code @Import(PushedValues.class)}.
 */
public class PushedValues {

    private final HubService hub;
    private final JdbcTemplate jdbc;
    private final TestRestTemplate http;
    private final ObjectMapper json;

    public PushedValues(HubService hub, JdbcTemplate jdbc, TestRestTemplate http, ObjectMapper json) {
        this.hub = hub;
        this.jdbc = jdbc;
        this.http = http;
        this.json = json;
    }

    /** A fresh product linked to {@code externalId} in {@code connection}. */
    public String linkedProduct(String prefix, String connection, String externalId) {
        String sku = Skus.fresh("PUSH-" + prefix);
        hub.saveProduct(sku, new ProductData(null, prefix, Map.of()));
        hub.link(sku, new Link(connection, externalId, sku, "manual"));
        return sku;
    }

    /** Waits until the product has outbox entries and none of them is still to be sent. */
    public void awaitDone(String sku) {
        await().atMost(Duration.ofSeconds(20)).until(() -> outboxStates(sku),
                states -> states.stream().noneMatch(s -> s.equals("pending") || s.equals("sending")));
    }

    public List<String> outboxStates(String sku) {
        return jdbc.queryForList("SELECT o.state FROM outbox o JOIN product p ON p.id = o.product_id WHERE p.sku = ?",
                String.class, sku);
    }

    /** Outbound sync records of the product, newest first. */
    public List<SyncRecord> outRecords(String sku) {
        return hub.syncRecords(new SyncRecordQuery(sku, null, null, null, 100)).stream()
                .filter(r -> r.direction().equals(SyncRecord.OUT)).toList();
    }

    /** The product's entry in {@code GET /api/failures}, waiting for it to appear; fails the test if it does not. */
    public JsonNode awaitFailure(String sku) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> failureOf(sku), failure -> failure != null);
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
}
