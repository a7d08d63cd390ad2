package org.stockbridge.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import javax.sql.DataSource;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stockbridge.hub.FeedRun;
import org.stockbridge.hub.FeedRunStore;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * End-to-end feed ingestion benchmark (issue "Inbound flows"): not a test, a program, run by {@code bench/feed.sh}.
 * <p>
 * It starts the real hub (H2 file database in a temp folder, or PostgreSQL from {@code STOCKBRIDGE_TEST_PG_*}) with
 * a routes folder holding two {@code feed-to-hub} routes of the wholesaler {@code bench}: one on a local drop folder
 * ({@code file:}) and one on {@code ftp://} against the hub's own embedded FTP server. For each size it writes a
 * 12-column CSV (SKU, EAN, name, stock, price and seven columns the mapping ignores), ingests it once to create the
 * products (the import, timed apart), links every product to an inferior shop so outbox entries are written, and
 * then measures steady-state runs in which every row's stock and price change: from the moment the file is dropped
 * (moved into the folder, or the FTP upload starts) until its {@code feed_run} is finished. The outbox is emptied
 * (untimed) before each run so each run writes its outbox entries again. After the steady runs of each repeat, a
 * {@code typical} run drops a file through the drop folder in which only 1 % of the rows change (the usual
 * wholesaler feed: the whole catalogue every few minutes, a few values different).
 * <p>
 * Right after each run the same file is bulk-loaded by the database itself, in the same run: H2
 * {@code CREATE TABLE ... AS SELECT * FROM CSVREAD(...)}, PostgreSQL {@code COPY ... FROM STDIN} (JDBC CopyManager)
 * into an unlogged table of text columns. {@code ratio} = ingest seconds / bulk-load seconds.
 * <p>
 * Heap, measured inside this JVM (the hub runs in it) over each ingest: {@code peak} is the sum of the heap pools'
 * peak usage ({@link MemoryPoolMXBean#getPeakUsage()}, reset before the run) — what the process occupied including
 * garbage not yet collected, so it follows the collector's sizing within {@code -Xmx}; {@code live} is the highest
 * heap occupancy right after any collection during the run (GC notifications) — an upper bound of the live data,
 * which is what must not grow with the file size. G1's young collections leave the old generation's garbage in
 * place, so that bound is loose; {@code BENCH_LIVE_MS=500} instead collects the whole heap every 500 ms of a run
 * and reports the highest heap left after those collections, the live data itself (the run's timings then include
 * those collections).
 *
 * <pre>
 * java -Xmx512m ... org.stockbridge.bench.FeedIngestBench h2|postgres [10k,100k,1m] [repeats]
 * </pre>
 */
public final class FeedIngestBench {

    private static final String CONNECTION = "bench";
    private static final String HEADER = "sku,ean,name,brand,category,stock,price,vat,unit,weight,supplier_code,description";
    private static final String MAPPING = """
            # FeedIngestBench: 12-column UTF-8 CSV, 5 columns used
            format: csv
            separator: ","
            header: true
            key: sku
            fields:
              sku: sku
              ean: ean
              name: name
              stock: stock
              grossPrice: price
            warehouse: bench
            priceGroup: retail-pln
            unknownKeys: create
            feedType: delta
            """;
    private static final String ROUTES = """
            # FeedIngestBench: the wholesaler's feeds through a local drop folder and through the hub's own FTP server
            - templatedRoute:
                routeTemplateRef: feed-to-hub
                routeId: bench-drop-feed-to-hub
                parameters:
                  - name: connection
                    value: bench
                  - name: source
                    value: "file:{{stockbridge.drop-dir}}/bench/file-in?move=.done&moveFailed=.error&readLock=changed&readLockCheckInterval=100&readLockMinAge=100&delay=100"
                  - name: mapping
                    value: bench.yaml
            - templatedRoute:
                routeTemplateRef: feed-to-hub
                routeId: bench-ftp-feed-to-hub
                parameters:
                  - name: connection
                    value: bench
                  - name: source
                    value: "ftp://bench@127.0.0.1:{{stockbridge.ftp.port}}/ftp-in?password=RAW({{stockbridge.ftp.users.bench.password}})&passiveMode=true&binary=true&move=.done&moveFailed=.error&localWorkDirectory={{stockbridge.data-dir}}/ftp-work&delay=100"
                  - name: mapping
                    value: bench.yaml
            """;

    private final String db;
    private final Path work;
    private final String ftpPassword = UUID.randomUUID().toString().replace("-", "");
    private final HeapWatch heap = new HeapWatch();
    private final List<String> table = new ArrayList<>();
    private ConfigurableApplicationContext hub;
    private JdbcTemplate jdbc;
    private FeedRunStore runs;
    private int ftpPort;
    private int version;
    /** The version every row of the last steady (all rows changed) feed had. */
    private int fullVersion;

    private FeedIngestBench(String db, Path work) {
        this.db = db;
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        String db = args.length > 0 ? args[0] : "h2";
        List<Integer> sizes = Stream.of((args.length > 1 ? args[1] : "10k,100k,1m").split(","))
                .map(FeedIngestBench::size).toList();
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path work = Files.createTempDirectory("stockbridge-bench-" + db);
        FeedIngestBench bench = new FeedIngestBench(db, work);
        try {
            bench.start();
            for (int rows : sizes) {
                bench.run(rows, repeats);
            }
            bench.print();
        } finally {
            bench.stop();
            if (!Boolean.getBoolean("bench.keep")) {
                FileTree.delete(work);
            }
        }
        System.exit(0);
    }

    private static int size(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int factor = t.endsWith("m") ? 1_000_000 : t.endsWith("k") ? 1_000 : 1;
        return Integer.parseInt(factor == 1 ? t : t.substring(0, t.length() - 1)) * factor;
    }

    private void start() throws Exception {
        Files.createDirectories(work.resolve("routes"));
        Files.createDirectories(work.resolve("mappings"));
        Files.createDirectories(work.resolve("drop/bench/file-in"));
        Files.createDirectories(work.resolve("drop/bench/ftp-in"));
        Files.createDirectories(work.resolve("feeds"));
        Files.writeString(work.resolve("mappings/bench.yaml"), MAPPING);
        Files.writeString(work.resolve("routes/bench.yaml"), ROUTES);
        try (ServerSocket free = new ServerSocket(0)) {
            ftpPort = free.getLocalPort();
        }
        Map<String, Object> props = new HashMap<>();
        props.put("stockbridge.data-dir", work.resolve("data").toString());
        props.put("stockbridge.drop-dir", work.resolve("drop").toString());
        props.put("stockbridge.routes-dir", work.resolve("routes").toString());
        props.put("stockbridge.mappings-dir", work.resolve("mappings").toString());
        props.put("stockbridge.ftp.port", ftpPort);
        props.put("stockbridge.ftp.users.bench.password", ftpPassword);
        long started = System.nanoTime();
        hub = BenchHub.start(db, props);
        jdbc = new JdbcTemplate(hub.getBean(DataSource.class));
        runs = hub.getBean(FeedRunStore.class);
        System.out.printf(Locale.ROOT, "%nhub started on %s in %.1f s (work folder %s, max heap %d MiB)%n", db,
                seconds(started), work, Runtime.getRuntime().maxMemory() >> 20);
    }

    private void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    private void run(int rows, int repeats) throws Exception {
        String prefix = "B" + label(rows).toUpperCase(Locale.ROOT) + "-";
        if ("1".equals(System.getenv("BENCH_REUSE")) && imported(rows, prefix)) {
            // the catalogue of an earlier run on this database: its rows hold version 0 but for every typical run's
            // changed rows, so the next versions must be new ones
            fullVersion = 0;
            version = 1 + (int) (System.currentTimeMillis() / 1000 % 1_000_000);
            System.out.printf(Locale.ROOT, "%s %s: reusing the %,d products of an earlier run%n", db, label(rows), rows);
        } else {
            importAndLink(rows, prefix);
        }
        for (int repeat = 1; repeat <= repeats; repeat++) {
            if (!"0".equals(System.getenv("BENCH_STEADY"))) {
                for (String source : List.of("drop", "ftp")) {
                    measure(rows, prefix, source, repeat, 1);
                }
            }
            measure(rows, prefix, "drop", repeat, TYPICAL_CHANGED_EVERY);
        }
    }

    /** Whether an earlier run left this size's products, linked to the shop, in the database. */
    private boolean imported(int rows, String prefix) {
        Integer products = jdbc.queryForObject("SELECT COUNT(*) FROM product WHERE sku LIKE ?", Integer.class, prefix + "%");
        Integer links = jdbc.queryForObject("SELECT COUNT(*) FROM link WHERE connection_id = 'bench-shop' AND external_id LIKE ?",
                Integer.class, prefix + "%");
        return products != null && products == rows && links != null && links == rows;
    }

    private void importAndLink(int rows, String prefix) throws Exception {
        Path file = work.resolve("feeds/import-" + label(rows) + ".csv");
        fullVersion = version++;
        write(file, rows, prefix, fullVersion, fullVersion, 1);
        Delivered delivered = drop(file, "drop");
        FeedRun imported = delivered.run();
        double seconds = delivered.seconds();
        System.out.printf(Locale.ROOT, "%s %s import (creates %,d products): %.1f s, %,.0f rows/s%n", db, label(rows),
                imported.created(), seconds, rows / seconds);
        int linked = jdbc.update("INSERT INTO link (product_id, connection_id, external_id, external_sku, matched_by, created_at) "
                + "SELECT id, 'bench-shop', sku, sku, 'sku', CURRENT_TIMESTAMP FROM product WHERE sku LIKE ?", prefix + "%");
        System.out.printf(Locale.ROOT, "linked %,d products to the inferior shop bench-shop%n", linked);
        Files.delete(file);
    }

    /** In a typical run, every 100th row changes. */
    private static final int TYPICAL_CHANGED_EVERY = 100;

    private void measure(int rows, String prefix, String source, int repeat, int changedEvery) throws Exception {
        String kind = changedEvery == 1 ? "steady" : "typical";
        int next = version++;
        // the version in the name: a reused database keeps the feed runs of earlier runs' files
        Path file = work.resolve("feeds/" + kind + "-" + label(rows) + "-" + source + "-" + repeat + "-v" + next + ".csv");
        write(file, rows, prefix, next, fullVersion, changedEvery);
        if (changedEvery == 1) {
            fullVersion = next;
        }
        jdbc.update("DELETE FROM outbox");
        heap.reset();
        long cpuBefore = processCpuNanos();
        Delivered delivered = drop(file, source);
        heap.stop();
        double cpu = (processCpuNanos() - cpuBefore) / 1e9;
        FeedRun run = delivered.run();
        double seconds = delivered.seconds();
        double ingestOnly = Duration.between(run.startedAt(), run.finishedAt()).toNanos() / 1e9;
        long peak = heap.peakMiB();
        long live = heap.liveMiB();
        long expected = 2L * (rows / changedEvery);
        if (run.changed() != expected) {
            System.out.printf(Locale.ROOT, "WARNING: %,d values changed, expected %,d%n", run.changed(), expected);
        }
        double bulk = bulkLoad(file);
        Files.delete(file);
        String line = String.format(Locale.ROOT, "%-8s %6s %-5s %-7s %2d %10.0f %8.2f %8.2f %6.2f %6d %6d %8.2f %6.1f", db,
                label(rows), source, kind, repeat, rows / seconds, seconds, ingestOnly, cpu, peak, live, bulk, seconds / bulk);
        table.add(line);
        System.out.println(HEAD);
        System.out.println(line);
    }

    private static final String HEAD = String.format(Locale.ROOT, "%-8s %6s %-5s %-7s %2s %10s %8s %8s %6s %6s %6s %8s %6s",
            "db", "size", "src", "rows", "#", "rows/s", "seconds", "ingest s", "cpu s", "peak", "live", "bulk s", "ratio");

    /** CPU time of this whole process (hub, database, FTP server): a figure less sensitive to a loaded machine. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private void print() {
        System.out.println();
        System.out.println("seconds: drop → feed_run finished; ingest s: the feed_run's own start → finish; "
                + "peak/live: heap MiB (see the class comment"
                + (heap.fullGcEveryMs > 0 ? "; live: after full collections every " + heap.fullGcEveryMs + " ms" : "")
                + "); bulk s: the database's own load of the same file; "
                + "ratio = seconds / bulk s");
        System.out.println(HEAD);
        table.forEach(System.out::println);
    }

    private record Delivered(FeedRun run, double seconds) {
    }

    /**
     * Delivers the file through the drop folder (copied under a hidden name beforehand, untimed, then renamed into
     * place) or the FTP server (the upload is timed), and waits for its feed run to finish.
     */
    private Delivered drop(Path file, String source) throws Exception {
        String name = file.getFileName().toString();
        long started;
        if (source.equals("drop")) {
            Path folder = work.resolve("drop/bench/file-in");
            Files.copy(file, folder.resolve("." + name + ".part"));
            started = System.nanoTime();
            Files.move(folder.resolve("." + name + ".part"), folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } else {
            started = System.nanoTime();
            upload(file, name);
        }
        FeedRun run = await(name, Duration.ofSeconds(120 + Files.size(file) / 20_000));
        return new Delivered(run, seconds(started));
    }

    /** Uploads under a hidden name (Camel skips dot files) and renames when complete, as a careful client does. */
    private void upload(Path file, String name) throws IOException {
        FTPClient ftp = new FTPClient();
        ftp.connect("127.0.0.1", ftpPort);
        try {
            if (!ftp.login(CONNECTION, ftpPassword)) {
                throw new IOException("FTP login refused: " + ftp.getReplyString());
            }
            ftp.enterLocalPassiveMode();
            ftp.setFileType(FTP.BINARY_FILE_TYPE);
            ftp.setBufferSize(1 << 16);
            try (InputStream in = Files.newInputStream(file)) {
                if (!ftp.storeFile("ftp-in/." + name + ".part", in) || !ftp.rename("ftp-in/." + name + ".part", "ftp-in/" + name)) {
                    throw new IOException("FTP upload of " + name + " failed: " + ftp.getReplyString());
                }
            }
            ftp.logout();
        } finally {
            ftp.disconnect();
        }
    }

    private FeedRun await(String fileName, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (FeedRun run : runs.recent(CONNECTION, 5)) {
                if (run.fileName().equals(fileName) && !"running".equals(run.outcome())) {
                    if (!"applied".equals(run.outcome())) {
                        throw new IllegalStateException(fileName + " was " + run.outcome() + ": " + run.detail());
                    }
                    return run;
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(fileName + " not ingested within " + timeout);
    }

    /** The database's own bulk load of the same file, in seconds. */
    private double bulkLoad(Path file) throws Exception {
        jdbc.execute("DROP TABLE IF EXISTS bench_bulk");
        long started;
        if (db.equals("postgres")) {
            jdbc.execute("CREATE UNLOGGED TABLE bench_bulk (" + Stream.of(HEADER.split(",")).map(c -> c + " text")
                    .collect(Collectors.joining(", ")) + ")");
            started = System.nanoTime();
            try (Connection c = jdbc.getDataSource().getConnection(); Reader in = Files.newBufferedReader(file)) {
                c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_bulk FROM STDIN WITH (FORMAT csv, HEADER true)", in);
            }
        } else {
            started = System.nanoTime();
            jdbc.execute("CREATE TABLE bench_bulk AS SELECT * FROM CSVREAD('" + file.toAbsolutePath().toString().replace("'", "''")
                    + "', NULL, 'charset=UTF-8 fieldSeparator=,')");
        }
        double seconds = seconds(started);
        jdbc.execute("DROP TABLE bench_bulk");
        return seconds;
    }

    /**
     * The feed: every {@code changedEvery}th row's stock and price are those of {@code version} (different from
     * any other version's), the other rows repeat {@code unchangedVersion}.
     */
    private static void write(Path file, int rows, String prefix, int changedVersion, int unchangedVersion,
            int changedEvery) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            StringBuilder line = new StringBuilder(200);
            for (int i = 1; i <= rows; i++) {
                int version = i % changedEvery == 0 ? changedVersion : unchangedVersion;
                long cents = 1000 + (i % 5000) * 100L + version;
                line.setLength(0);
                line.append(prefix).append(String.format(Locale.ROOT, "%07d", i)).append(',')
                        .append(ean(590_000_000_000L + i)).append(",Bench product ").append(i)
                        .append(",Brand ").append(i % 97).append(",Category ").append(i % 31).append(',')
                        .append(i % 500 + version).append(',')
                        .append(cents / 100).append('.').append(String.format(Locale.ROOT, "%02d", cents % 100))
                        .append(",23,pcs,").append(i % 50).append(".5,SUP-").append(i)
                        .append(",Plain description of bench product ").append(i).append('\n');
                out.append(line);
            }
        }
    }

    /** A valid EAN-13 from its first 12 digits. */
    private static String ean(long first12) {
        String digits = Long.toString(first12);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return digits + (10 - sum % 10) % 10;
    }

    private static String label(int rows) {
        return rows % 1_000_000 == 0 ? rows / 1_000_000 + "m" : rows % 1_000 == 0 ? rows / 1_000 + "k" : Integer.toString(rows);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** Heap peaks over one run: pool peaks (including garbage) and the highest occupancy right after a GC. */
    private static final class HeapWatch {
        private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        private final Set<String> heapPools = pools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        private final AtomicLong liveAfterGc = new AtomicLong();
        /** {@code BENCH_LIVE_MS}: how often a run collects the whole heap to measure its live data; 0: never. */
        private final long fullGcEveryMs = Long.parseLong(System.getenv().getOrDefault("BENCH_LIVE_MS", "0"));
        private final AtomicLong liveAfterFullGc = new AtomicLong();
        private final ScheduledExecutorService fullGcTimer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "bench full collections");
            thread.setDaemon(true);
            return thread;
        });
        private ScheduledFuture<?> fullGcs;

        HeapWatch() {
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                        long used = 0;
                        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                            used += heapPools.contains(pool.getKey()) ? pool.getValue().getUsed() : 0;
                        }
                        liveAfterGc.accumulateAndGet(used, Math::max);
                    }
                }, null, null);
            }
        }

        /** Collects, then starts a new measurement from the heap that is live now. */
        void reset() {
            System.gc();
            pools.forEach(MemoryPoolMXBean::resetPeakUsage);
            long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            liveAfterGc.set(now);
            liveAfterFullGc.set(now);
            if (fullGcEveryMs > 0) {
                fullGcs = fullGcTimer.scheduleWithFixedDelay(() -> {
                    System.gc();
                    liveAfterFullGc.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                }, fullGcEveryMs, fullGcEveryMs, TimeUnit.MILLISECONDS);
            }
        }

        /** Ends the measurement's forced collections. */
        void stop() {
            if (fullGcs != null) {
                fullGcs.cancel(false);
                fullGcs = null;
            }
        }

        long peakMiB() {
            return pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
        }

        long liveMiB() {
            return (fullGcEveryMs > 0 ? liveAfterFullGc : liveAfterGc).get() >> 20;
        }
    }
}
