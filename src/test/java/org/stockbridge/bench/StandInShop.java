package org.stockbridge.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.stockbridge.format.FormatJson;
import org.stockbridge.format.RateLimit;

/**
 * One shop for {@link PushBench}: a WireMock server speaking just enough of the shop's API to accept every update
 * as the real one does (WooCommerce: {@code update[]} echoed back per object; BaseLinker: {@code status: SUCCESS}
 * without warnings), and recording what it received: each request's arrival time (read when WireMock hands the
 * request over, before it answers) and, per item, the first arrival of each value, keyed
 * {@code stock|price:<external id>=<value>}.
 */
final class StandInShop implements ResponseDefinitionTransformerV2 {

    enum Api { WOOCOMMERCE, BASELINKER }

    final String id;
    final Api api;
    final RateLimit limit;
    private final WireMockServer server;
    private final ConcurrentLinkedQueue<Long> arrivals = new ConcurrentLinkedQueue<>();
    private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
    private final AtomicLong items = new AtomicLong();

    StandInShop(String id, Api api, RateLimit limit) {
        this.id = id;
        this.api = api;
        this.limit = limit;
        this.server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").disableRequestJournal()
                .extensions(this));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(ok()));
    }

    String baseUrl() {
        return api == Api.BASELINKER ? server.baseUrl() + "/connector.php" : server.baseUrl();
    }

    void shutDown() {
        server.stop();
    }

    /** Arrival times (System.nanoTime) of the requests received so far, in arrival order. */
    List<Long> arrivals() {
        List<Long> sorted = new ArrayList<>(arrivals);
        sorted.sort(null);
        return sorted;
    }

    long items() {
        return items.get();
    }

    /** When the shop first received {@code value} for the item, or null if never. */
    Long firstSeen(String kind, String externalId, String value) {
        return firstSeen(key(kind, externalId, value));
    }

    /** {@link #firstSeen(String, String, String)} by a {@link #key}, worked out once by a caller that asks often. */
    Long firstSeen(String key) {
        return firstSeen.get(key);
    }

    static String key(String kind, String externalId, String value) {
        return kind + ":" + externalId + "=" + number(value);
    }

    /** Forgets what was received, for the next phase. */
    void reset() {
        arrivals.clear();
        firstSeen.clear();
        items.set(0);
    }

    @Override
    public String getName() {
        return "stand-in-" + id;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        long arrived = System.nanoTime();
        arrivals.add(arrived);
        String body = event.getRequest().getBodyAsString();
        String answer = api == Api.WOOCOMMERCE ? woo(body, arrived) : baseLinker(body, arrived);
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(answer).build();
    }

    /** {@code {"update":[{"id":1,"stock_quantity":5,"manage_stock":true}]}} → the objects as saved. */
    private String woo(String body, long arrived) {
        JsonNode update = FormatJson.read(body).map(root -> root.get("update")).orElseThrow();
        for (JsonNode object : update) {
            String externalId = object.get("id").asText();
            if (object.has("stock_quantity")) {
                seen("stock", externalId, object.get("stock_quantity").asText(), arrived);
            }
            if (object.has("regular_price")) {
                seen("price", externalId, object.get("regular_price").asText(), arrived);
            }
        }
        return FormatJson.text(Map.of("update", update));
    }

    /** {@code method=updateInventoryProducts…&parameters={"products":{"id":{"bl_1":5}}}} → SUCCESS. */
    private String baseLinker(String body, long arrived) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String field : body.split("&")) {
            int eq = field.indexOf('=');
            form.put(field.substring(0, eq), URLDecoder.decode(field.substring(eq + 1), StandardCharsets.UTF_8));
        }
        String kind = form.get("method").endsWith("Stock") ? "stock" : "price";
        JsonNode products = FormatJson.read(form.get("parameters")).map(p -> p.get("products")).orElseThrow();
        for (Iterator<Map.Entry<String, JsonNode>> it = products.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> product = it.next();
            seen(kind, product.getKey(), product.getValue().elements().next().asText(), arrived);
        }
        return "{\"status\":\"SUCCESS\",\"warnings\":{}}";
    }

    private void seen(String kind, String externalId, String value, long arrived) {
        items.incrementAndGet();
        firstSeen.putIfAbsent(key(kind, externalId, value), arrived);
    }

    /** WooCommerce gets prices as "12.50", BaseLinker as the JSON number 12.5: compared as numbers. */
    static String number(String value) {
        return new BigDecimal(value).stripTrailingZeros().toPlainString();
    }
}
