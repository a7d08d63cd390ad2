package org.stockbridge.support;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stockbridge.Skus;
import org.stockbridge.hub.HubService;
import org.stockbridge.hub.Link;
import org.stockbridge.hub.ProductData;
import org.stockbridge.hub.SyncRecord;
import org.stockbridge.hub.SyncRecordQuery;

/** What the hub-to-shop route tests share: products linked to a shop, the outbox's state, the records written. */
public final class ShopPushes {

    public static final String WOO_BATCH = "/wp-json/wc/v3/products/batch";

    private ShopPushes() {
    }

    /** A fresh product ({@code prefix} + a unique suffix) linked to the shop's item {@code shopId}. */
    public static String linkedProduct(HubService hub, String prefix, String connection, long shopId) {
        String sku = Skus.fresh(prefix);
        hub.saveProduct(sku, new ProductData(null, prefix, Map.of()));
        hub.link(sku, new Link(connection, String.valueOf(shopId), sku, "manual"));
        return sku;
    }

    /** Random shop ids: on PostgreSQL links of earlier runs stay, and (connection, external id) is unique. */
    public static long shopId() {
        return ThreadLocalRandom.current().nextLong(1_000_000L, 1_000_000_000L);
    }

    /** Waits until the product has outbox entries and none of them is still to be sent. */
    public static void awaitDone(JdbcTemplate jdbc, String sku) {
        await().atMost(Duration.ofSeconds(20)).until(() -> outboxStates(jdbc, sku),
                states -> states.stream().noneMatch(s -> s.equals("pending") || s.equals("sending")));
    }

    public static List<String> outboxStates(JdbcTemplate jdbc, String sku) {
        return jdbc.queryForList("SELECT o.state FROM outbox o JOIN product p ON p.id = o.product_id WHERE p.sku = ?",
                String.class, sku);
    }

    /** A WooCommerce products batch with this authorization that carries the item {@code id}. */
    public static MappingBuilder wooBatchWith(String authorization, long id) {
        return post(urlPathEqualTo(WOO_BATCH)).withHeader("Authorization", equalTo(authorization))
                .withRequestBody(matchingJsonPath("$.update[?(@.id == " + id + ")]"));
    }

    /** The WooCommerce products batches the server received that carry the item {@code id}. */
    public static List<LoggedRequest> wooBatchesFor(WireMockServer shop, long id) {
        return shop.findAll(postRequestedFor(urlPathEqualTo(WOO_BATCH)).withRequestBody(matchingJsonPath("$.update[?(@.id == " + id + ")]")));
    }

    /** The product's outgoing sync records, newest first. */
    public static List<SyncRecord> outRecords(HubService hub, String sku) {
        return hub.syncRecords(new SyncRecordQuery(sku, null, null, null, 100)).stream()
                .filter(r -> r.direction().equals(SyncRecord.OUT)).toList();
    }
}
