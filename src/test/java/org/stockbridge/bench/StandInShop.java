package org.stockbridge.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import org.stockbridge.format.FormatJson;
import org.stockbridge.format.RateLimit;

/**
 * One shop for {@link PushBench}: an HTTP server speaking just enough of the shop's API to accept every update
 * as the real one does (WooCommerce: {@code update[]} echoed back per object; BaseLinker: {@code status: SUCCESS}
 * without warnings), and recording what it received: each request's arrival time (read when the server hands the
 * request over, before it reads the body and answers) and, per item, the first arrival of each value, keyed
 * {@code stock|price:<external id>=<value>}.
 * <p>
 * The JDK's own HTTP server rather than WireMock: twenty stand-ins share the benchmark machine's cores with the hub
 * and its database, while real shops answer from elsewhere. As WireMock servers they took ~24 % of the hub JVM's
 * samples (Jetty, request journal and stub matching around the same parsing), CPU the hub's drains then lacked.
 */
final class StandInShop implements HttpHandler {

    enum Api { WOOCOMMERCE, BASELINKER }

    final String id;
    final Api api;
    final RateLimit limit;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final ConcurrentLinkedQueue<Long> arrivals = new ConcurrentLinkedQueue<>();
    private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
    private final AtomicLong items = new AtomicLong();

    StandInShop(String id, Api api, RateLimit limit) {
        this.id = id;
        this.api = api;
        this.limit = limit;
        try {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open a port for stand-in " + id, e);
        }
        server.createContext("/", this);
        server.setExecutor(threads);
        server.start();
    }

    String baseUrl() {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return api == Api.BASELINKER ? base + "/connector.php" : base;
    }

    void shutDown() {
        server.stop(0);
        threads.shutdownNow();
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
    public void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        arrivals.add(arrived);
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        byte[] answer = (api == Api.WOOCOMMERCE ? woo(body, arrived) : baseLinker(body, arrived))
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
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
