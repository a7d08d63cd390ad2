package org.stockbridge.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.RouteController;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stockbridge.format.RateLimit;
import org.stockbridge.hub.HubService;
import org.stockbridge.hub.PriceChange;
import org.stockbridge.hub.StockChange;
import org.stockbridge.route.HubToShopRoutes;

/**
 * Hub → shops benchmark (issue #4 "Outbound flows"): not a test, a program, run by {@code bench/push.sh}.
 * <p>
 * It starts the real hub (profile {@code bench}; H2 in a temp folder or PostgreSQL) with {@code shops} inferior
 * shop connections of the built-in formats, WooCommerce and BaseLinker alternating, each pointing at its own
 * {@link StandInShop} (an in-process HTTP server) and each with its own rate limit ({@link #limit}); batch
 * sizes are the formats' defaults (100 and 1000). Every product is linked to every shop. The hub-to-shop routes
 * are the real ones, built from that configuration.
 * <p>
 * Phase 1 (throughput): every product's stock and price change through {@link HubService#applyStock} and
 * {@link HubService#applyPrices}, in batches of 1000 as a feed applies them, and the benchmark waits until every
 * shop received every new value. With {@code BENCH_BACKLOG=1} the hub-to-shop routes are stopped during the apply
 * and started after it, so the whole backlog is waiting and only the push path (and the limits) set the pace. Per shop: requests, items, achieved rate / limit, and limit violations counted
 * at the stand-in from arrival times over a sliding window ({@link Arrivals}).
 * <p>
 * Phase 2 (latency): once every shop's rate window is clear again, {@code BENCH_CHANGES} single stock changes
 * ({@link HubService#setStock}), one every {@code BENCH_SPACING_MS}; latency = arrival at the shop of a request
 * carrying the new value − the moment before the change was made, per shop and, per change, to the last shop.
 *
 * <pre>
 * java ... org.stockbridge.bench.PushBench h2|postgres [shops, default 20] [skus, default 10000]
 * </pre>
 */
public final class PushBench {

    private static final String SOURCE = "bench";          // the superior wholesaler of application-bench.yml
    private static final String WAREHOUSE = "bench";
    private static final String PRICE_GROUP = "retail-pln";
    private static final int APPLY_BATCH = 1000;

    private final String db;
    private final int skus;
    private final List<StandInShop> shops = new ArrayList<>();
    private ConfigurableApplicationContext hub;
    private HubService hubService;
    private JdbcTemplate jdbc;
    private List<String> skuList;
    private Map<String, String> externalIds;

    private PushBench(String db, int shopCount, int skus) {
        this.db = db;
        this.skus = skus;
        for (int i = 1; i <= shopCount; i++) {
            boolean woo = i % 2 == 1;
            shops.add(new StandInShop(String.format(Locale.ROOT, "%s-%02d", woo ? "woo" : "bl", i),
                    woo ? StandInShop.Api.WOOCOMMERCE : StandInShop.Api.BASELINKER, limit(i)));
        }
    }

    /**
     * Limits vary: WooCommerce shops 10, 20 and 5 requests/s in turn; BaseLinker shops 100 (its API's limit), 60
     * and 30 requests/min in turn.
     */
    static RateLimit limit(int shop) {
        int turn = (shop - 1) / 2 % 3;
        return shop % 2 == 1 ? RateLimit.perSecond(new int[] {10, 20, 5}[turn])
                : RateLimit.perMinute(new int[] {100, 60, 30}[turn]);
    }

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        int shopCount = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int skus = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int changes = Integer.parseInt(System.getenv().getOrDefault("BENCH_CHANGES", "200"));
        long spacingMs = Long.parseLong(System.getenv().getOrDefault("BENCH_SPACING_MS", "75"));
        int warmUps = Integer.parseInt(System.getenv().getOrDefault("BENCH_WARMUP", "1"));
        Path work = Files.createTempDirectory("stockbridge-push-bench-" + db);
        PushBench bench = new PushBench(db, shopCount, skus);
        int status = 0;
        try {
            bench.start(work);
            bench.setUp();
            boolean backlog = "1".equals(System.getenv("BENCH_BACKLOG"));
            for (int round = 0; round <= warmUps; round++) {
                System.out.printf(Locale.ROOT, "%n=== phase 1, round %d of %d%s%n", round + 1, warmUps + 1,
                        round < warmUps ? " (warm-up: the JVM compiles the push path)" : " (measured)");
                bench.throughput(backlog, round);
            }
            bench.latency(changes, spacingMs);
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            status = 1;
        } finally {
            bench.stop();
            FileTree.delete(work);
        }
        System.exit(status);
    }

    private void start(Path work) throws IOException {
        Files.createDirectories(work.resolve("routes"));
        Files.createDirectories(work.resolve("mappings"));
        Map<String, Object> props = new HashMap<>();
        props.put("stockbridge.data-dir", work.resolve("data").toString());
        props.put("stockbridge.drop-dir", work.resolve("drop").toString());
        props.put("stockbridge.routes-dir", work.resolve("routes").toString());
        props.put("stockbridge.mappings-dir", work.resolve("mappings").toString());
        // before drains took turns at the database (DrainTurns), 20 shops' drains starved the default pool of 10
        // and a feed's transaction failed; kept at one connection per shop plus 10 so figures stay comparable
        props.put("spring.datasource.hikari.maximum-pool-size", shops.size() + 10);
        props.put("logging.level.root", "WARN"); // the tables stay readable; a failed push still logs its warning
        for (StandInShop shop : shops) {
            String c = "stockbridge.connections." + shop.id + ".";
            props.put(c + "type", "shop");
            props.put(c + "stock", "inferior");
            props.put(c + "prices", "inferior");
            props.put(c + "warehouse", WAREHOUSE);
            props.put(c + "price-group", PRICE_GROUP);
            props.put(c + "settings.baseUrl", shop.baseUrl());
            String secret = UUID.randomUUID().toString().replace("-", "");
            if (shop.api == StandInShop.Api.WOOCOMMERCE) {
                props.put(c + "format", "woocommerce");
                props.put(c + "settings.consumerKey", "ck_" + secret);
                props.put(c + "settings.consumerSecret", "cs_" + secret);
                props.put(c + "settings.requestsPerSecond", shop.limit.requests());
            } else {
                props.put(c + "format", "baselinker");
                props.put(c + "settings.token", secret);
                props.put(c + "settings.inventoryId", 1);
                props.put(c + "settings.warehouseId", "bl_1");
                props.put(c + "settings.priceGroupId", 1);
                props.put(c + "settings.requestsPerMinute", shop.limit.requests());
            }
        }
        long started = System.nanoTime();
        hub = BenchHub.start(db, props);
        hubService = hub.getBean(HubService.class);
        jdbc = new JdbcTemplate(hub.getBean(DataSource.class));
        System.out.printf(Locale.ROOT, "%nhub started on %s in %.1f s with %d shops (work folder %s, max heap %d MiB)%n",
                db, seconds(started), shops.size(), work, Runtime.getRuntime().maxMemory() >> 20);
    }

    /** Products and links (untimed, straight into the tables: neither is what is measured, and neither fills the outbox). */
    private void setUp() {
        String prefix = "PB" + Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT) + "-";
        skuList = new ArrayList<>(skus);
        for (int i = 1; i <= skus; i++) {
            skuList.add(prefix + String.format(Locale.ROOT, "%06d", i));
        }
        jdbc.batchUpdate("INSERT INTO product (sku, name, created_at, updated_at) VALUES (?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                skuList.stream().map(sku -> new Object[] {sku, "Push bench product " + sku}).toList());
        for (StandInShop shop : shops) {
            jdbc.update("INSERT INTO link (product_id, connection_id, external_id, external_sku, matched_by, created_at) "
                    + "SELECT id, ?, CAST(id AS VARCHAR(20)), sku, 'sku', CURRENT_TIMESTAMP FROM product WHERE sku LIKE ?",
                    shop.id, prefix + "%");
        }
        externalIds = jdbc.query("SELECT sku, CAST(id AS VARCHAR(20)) FROM product WHERE sku LIKE ?",
                (rs, n) -> Map.entry(rs.getString(1), rs.getString(2)), prefix + "%").stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        System.out.printf(Locale.ROOT, "%,d products, each linked to %d shops%n", skus, shops.size());
    }

    /** A product's stock in a round of phase 1: every round changes every value (phase 2 sets 2000 and up). */
    private static int stock(int index, int round) {
        return 100 + index % 500 + round * 500 % 1500;
    }

    private static BigDecimal price(int index, int round) {
        return BigDecimal.valueOf(1000 + index % 5000 * 7L + round % 3 * 40_000L, 2);
    }

    /**
     * Phase 1: every product's stock and price change; waits until every shop received every value. A round before
     * the measured one lets the JIT compile the push path (the first push after a start spends a third of the JVM's
     * CPU in its compiler threads), as a hub running for a while has it.
     */
    private void throughput(boolean backlog, int round) throws Exception {
        awaitRateWindowsClear();
        RouteController routes = hub.getBean(CamelContext.class).getRouteController();
        if (backlog) {
            for (StandInShop shop : shops) {
                routes.stopRoute(HubToShopRoutes.routeId(shop.id));
            }
        }
        long started = System.nanoTime();
        for (int from = 0; from < skus; from += APPLY_BATCH) {
            List<StockChange> stock = new ArrayList<>();
            List<PriceChange> prices = new ArrayList<>();
            for (int i = from; i < Math.min(from + APPLY_BATCH, skus); i++) {
                stock.add(StockChange.set(skuList.get(i), WAREHOUSE, stock(i, round), "push bench"));
                prices.add(new PriceChange(skuList.get(i), PRICE_GROUP, price(i, round), "push bench"));
            }
            requireClean(hubService.applyStock(SOURCE, stock).problems());
            requireClean(hubService.applyPrices(SOURCE, prices).problems());
            System.out.printf(Locale.ROOT, "  %.0f s: %,d of %,d SKUs applied%n", seconds(started),
                    Math.min(from + APPLY_BATCH, skus), skus);
        }
        double applied = seconds(started);
        if (backlog) {
            // the whole backlog waits in the outbox: from here on only the push path sets the pace
            started = System.nanoTime();
            for (StandInShop shop : shops) {
                routes.startRoute(HubToShopRoutes.routeId(shop.id));
            }
        }
        System.out.printf(Locale.ROOT, "phase 1: %,d stock and %,d price changes applied in the hub in %.1f s; "
                + "waiting for the shops%n", skus, skus, applied);
        MachineCpu cpuAtStart = MachineCpu.now();
        long cpuFrom = System.nanoTime();
        MachineCpu cpuAtReport = cpuAtStart;
        long reportedAt = cpuFrom;
        Map<StandInShop, Double> done = new HashMap<>();
        // the keys the stand-ins record, worked out once: their making (a BigDecimal per price) is not for the loop
        String[] stockKeys = new String[skus];
        String[] priceKeys = new String[skus];
        for (int i = 0; i < skus; i++) {
            String id = externalIds.get(skuList.get(i));
            stockKeys[i] = StandInShop.key("stock", id, String.valueOf(stock(i, round)));
            priceKeys[i] = StandInShop.key("price", id, price(i, round).toPlainString());
        }
        long deadline = System.nanoTime() + 3_600_000_000_000L;
        long nextReport = System.nanoTime() + 10_000_000_000L;
        while (done.size() < shops.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("phase 1 not complete within an hour: " + progress());
            }
            Thread.sleep(250);
            for (StandInShop shop : shops) {
                // the item count first: looking every value up takes CPU from the hub, so only once it can be complete
                if (!done.containsKey(shop) && shop.items() >= 2L * skus) {
                    long last = 0;
                    for (int i = 0; i < skus && last >= 0; i++) {
                        Long stockSeen = shop.firstSeen(stockKeys[i]);
                        Long priceSeen = shop.firstSeen(priceKeys[i]);
                        last = stockSeen == null || priceSeen == null ? -1 : Math.max(last, Math.max(stockSeen, priceSeen));
                    }
                    if (last >= 0) {
                        done.put(shop, (last - started) / 1e9); // when its last value arrived, not when this loop saw it
                    }
                }
            }
            if (System.nanoTime() > nextReport) {
                MachineCpu cpu = MachineCpu.now();
                System.out.printf(Locale.ROOT, "  %.0f s: %s%n    %s%n", seconds(started), progress(),
                        cpu.since(cpuAtReport, seconds(reportedAt)));
                cpuAtReport = cpu;
                reportedAt = System.nanoTime();
                nextReport += 10_000_000_000L;
            }
        }
        double total = done.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        Integer failed = jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE state = 'failed'", Integer.class);
        System.out.printf(Locale.ROOT, "%nphase 1: every shop received all %,d stock and %,d price values in %.1f s "
                + "%s (hub apply %.1f s); failed outbox entries: %d%n", skus, skus, total,
                backlog ? "after the routes started" : "from the first change", applied, failed);
        System.out.println(MachineCpu.now().since(cpuAtStart, seconds(cpuFrom)));
        System.out.println("ratio = achieved rate / limit, over the span from a shop's first to its last request "
                + "(- : all requests fit in one period's allowance); violations = windows of one period holding "
                + "more requests than the limit; busiest = most requests in one period; N+1 in ms = shortest time in which "
                + "limit + 1 requests arrived (-1: never more than the limit)");
        System.out.printf(Locale.ROOT, "%-7s %-11s %9s %8s %8s %7s %7s %7s %8s %10s %9s%n", "shop", "format", "limit",
                "requests", "items", "span s", "done s", "ratio", "busiest", "violations", "N+1 in ms");
        for (StandInShop shop : shops) {
            Arrivals arrivals = new Arrivals(shop.arrivals(), shop.limit);
            System.out.printf(Locale.ROOT, "%-7s %-11s %9s %8d %8d %7.1f %7.1f %7s %8d %10d %9d%n", shop.id,
                    shop.api.name().toLowerCase(Locale.ROOT), limitText(shop.limit), arrivals.times().size(),
                    shop.items(), arrivals.spanSeconds(), done.get(shop),
                    Double.isNaN(arrivals.ratio()) ? "-" : String.format(Locale.ROOT, "%.0f %%", arrivals.ratio() * 100),
                    arrivals.busiestWindow(), arrivals.violations(), arrivals.tightestExcessMillis());
        }
    }

    private String progress() {
        long received = shops.stream().mapToLong(StandInShop::items).sum();
        return String.format(Locale.ROOT, "%,d of %,d shop values received; requests so far %s", received,
                2L * skus * shops.size(), shops.stream().map(s -> s.id + "=" + s.arrivals().size())
                        .collect(Collectors.joining(" ")));
    }

    /**
     * Every shop's rate window clear again, so a phase starts from shops that may take requests, and what the
     * stand-ins received is forgotten.
     */
    private void awaitRateWindowsClear() throws InterruptedException {
        for (StandInShop shop : shops) {
            List<Long> arrivals = shop.arrivals();
            if (arrivals.isEmpty()) {
                continue;
            }
            long clearAt = arrivals.get(arrivals.size() - 1) + shop.limit.period().toNanos();
            long wait = clearAt - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000 + 1);
            }
        }
        shops.forEach(StandInShop::reset);
    }

    /** Phase 2: single stock changes spaced out; latency from the change to the request reaching each shop. */
    private void latency(int changes, long spacingMs) throws InterruptedException {
        awaitRateWindowsClear();
        int step = Math.max(1, skus / changes);
        long[] changedAt = new long[changes];
        int[] index = new int[changes];
        long started = System.nanoTime();
        for (int k = 0; k < changes; k++) {
            long due = started + k * spacingMs * 1_000_000;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            index[k] = k * step % skus;
            changedAt[k] = System.nanoTime();
            hubService.setStock(SOURCE, StockChange.set(skuList.get(index[k]), WAREHOUSE, 2000 + k, "push bench latency"));
        }
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline && !allSeen(changes, index)) {
            Thread.sleep(100);
        }
        System.out.printf(Locale.ROOT, "%nphase 2: %d single stock changes, one every %d ms, through HubService.setStock%n",
                changes, spacingMs);
        System.out.println("latency: the change made in the hub → a request carrying the new value arrives at the shop; "
                + "every shop = until the last shop has it");
        System.out.printf(Locale.ROOT, "%-7s %9s %8s %8s %8s %8s %7s %10s %9s%n", "shop", "limit", "requests", "p50 ms",
                "p99 ms", "max ms", "missing", "violations", "N+1 in ms");
        List<Long> overall = new ArrayList<>();
        List<Long> everyShop = new ArrayList<>();
        long[] slowest = new long[changes];
        int incomplete = 0;
        for (StandInShop shop : shops) {
            List<Long> latencies = new ArrayList<>();
            int missing = 0;
            for (int k = 0; k < changes; k++) {
                Long seen = shop.firstSeen("stock", externalIds.get(skuList.get(index[k])), String.valueOf(2000 + k));
                if (seen == null) {
                    missing++;
                    slowest[k] = Long.MAX_VALUE;
                } else {
                    latencies.add(seen - changedAt[k]);
                    slowest[k] = Math.max(slowest[k], seen - changedAt[k]);
                }
            }
            overall.addAll(latencies);
            latencies.sort(null);
            Arrivals arrivals = new Arrivals(shop.arrivals(), shop.limit);
            System.out.printf(Locale.ROOT, "%-7s %9s %8d %8s %8s %8s %7d %10d %9d%n", shop.id, limitText(shop.limit),
                    arrivals.times().size(), ms(latencies, 50), ms(latencies, 99), ms(latencies, 100), missing,
                    arrivals.violations(), arrivals.tightestExcessMillis());
        }
        for (long s : slowest) {
            if (s == Long.MAX_VALUE) {
                incomplete++;
            } else {
                everyShop.add(s);
            }
        }
        overall.sort(null);
        everyShop.sort(null);
        System.out.printf(Locale.ROOT, "all shops: p50 %s ms, p99 %s ms, max %s ms over %,d (change, shop) pairs%n",
                ms(overall, 50), ms(overall, 99), ms(overall, 100), overall.size());
        System.out.printf(Locale.ROOT, "every shop: p50 %s ms, p99 %s ms, max %s ms over %d changes (%d not at every shop "
                + "within 120 s)%n", ms(everyShop, 50), ms(everyShop, 99), ms(everyShop, 100), everyShop.size(), incomplete);
    }

    private boolean allSeen(int changes, int[] index) {
        for (StandInShop shop : shops) {
            for (int k = 0; k < changes; k++) {
                if (shop.firstSeen("stock", externalIds.get(skuList.get(index[k])), String.valueOf(2000 + k)) == null) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The nearest-rank percentile of sorted nanosecond latencies, in milliseconds. */
    private static String ms(List<Long> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return "-";
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return String.valueOf(sorted.get(Math.max(rank, 1) - 1) / 1_000_000);
    }

    private static String limitText(RateLimit limit) {
        return limit.requests() + (limit.period().toSeconds() == 60 ? "/min" : "/s");
    }

    private static void requireClean(List<?> problems) {
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the hub refused changes: " + problems.subList(0, Math.min(3, problems.size())));
        }
    }

    private void stop() {
        if (hub != null) {
            // the routes stop before the stand-ins, so no push finds its shop gone
            hub.close();
        }
        shops.forEach(StandInShop::shutDown);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
