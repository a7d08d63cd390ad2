package org.stockbridge.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stockbridge.Skus;
import org.stockbridge.TestDatabase;
import org.stockbridge.support.DropFiles;

/**
 * A hub killed with SIGKILL in the middle of applying a feed loses nothing: after the restart the file, still in
 * its drop folder, is processed again, and the hub ends exactly as after one clean run — every product once, with
 * the file's stock and price, one link each. Runs the real application in a separate JVM.
 */
class FeedCrashRecoveryTest {

    private static final int ROWS = 30_000;

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopAll() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void aHubKilledMidFileEndsAsAfterACleanRun() throws Exception {
        String prefix = Skus.fresh("CR");
        Files.createDirectories(dir.resolve("routes"));
        Files.createDirectories(dir.resolve("mappings"));
        Files.writeString(dir.resolve("mappings/crash.yaml"), """
                format: csv
                separator: ","
                key: sku
                fields: {sku: sku, stock: qty, grossPrice: price}
                warehouse: acme
                priceGroup: retail-pln
                unknownKeys: create
                feedType: delta
                """);
        Files.writeString(dir.resolve("routes/crash.yaml"), """
                - templatedRoute:
                    routeTemplateRef: feed-to-hub
                    routeId: acme-crash-feed-to-hub
                    parameters:
                      - name: connection
                        value: acme
                      - name: source
                        value: "file:{{stockbridge.drop-dir}}/acme?move=.done&moveFailed=.error&delay=200"
                      - name: mapping
                        value: crash.yaml
                """);
        Map<String, int[]> expected = new HashMap<>();
        StringBuilder csv = new StringBuilder("sku,qty,price\n");
        for (int i = 0; i < ROWS; i++) {
            String sku = prefix + "-" + i;
            int stock = i % 97;
            int cents = (i % 500) * 100 + 99;
            expected.put(sku, new int[] {stock, cents});
            csv.append(sku).append(',').append(stock).append(',').append(cents / 100).append('.').append(cents % 100).append('\n');
        }

        int port = freePort();
        Process first = startHub(port, "first");
        awaitHealthy(port);
        DropFiles.drop(dir.resolve("drop/acme"), "crash-" + prefix + ".csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        // kill as soon as the apply pass has committed its first batches
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                .until(() -> get(port, "/api/sync-records?limit=1").contains(prefix));
        first.destroyForcibly().waitFor();

        Process second = startHub(port, "second");
        awaitHealthy(port);
        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(500))
                .until(() -> get(port, "/api/feeds/runs?connection=acme").contains("\"outcome\":\"applied\""));
        String runs = get(port, "/api/feeds/runs?connection=acme");
        assertThat(runs).as("the first run was cut off mid-file, and says so").contains("\"outcome\":\"interrupted\"")
                .contains("cut off: the hub stopped while applying it").doesNotContain("\"outcome\":\"running\"");
        second.destroy();
        second.waitFor();

        try (Connection db = database()) {
            Map<String, int[]> actual = new HashMap<>();
            try (var rs = db.createStatement().executeQuery("SELECT p.sku, s.quantity, pr.amount, "
                    + "(SELECT COUNT(*) FROM link l WHERE l.product_id = p.id) FROM product p "
                    + "JOIN stock s ON s.product_id = p.id AND s.warehouse_id = 'acme' "
                    + "JOIN price pr ON pr.product_id = p.id AND pr.price_group_id = 'retail-pln' "
                    + "WHERE p.sku LIKE '" + prefix + "-%'")) {
                while (rs.next()) {
                    assertThat(rs.getInt(4)).as("links of %s", rs.getString(1)).isEqualTo(1);
                    actual.put(rs.getString(1), new int[] {rs.getInt(2),
                            rs.getBigDecimal(3).multiply(BigDecimal.valueOf(100)).intValueExact()});
                }
            }
            assertThat(actual).hasSize(ROWS);
            expected.forEach((sku, values) -> assertThat(actual.get(sku)).as(sku).containsExactly(values));
        }
    }

    private Process startHub(int port, String name) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), "org.stockbridge.StockbridgeApplication",
                "--server.port=" + port, "--stockbridge.data-dir=" + dir.resolve("data"),
                "--stockbridge.drop-dir=" + dir.resolve("drop"), "--stockbridge.routes-dir=" + dir.resolve("routes"),
                "--stockbridge.mappings-dir=" + dir.resolve("mappings"), "--stockbridge.ftp.enabled=false",
                "--spring.main.banner-mode=off"));
        if (TestDatabase.postgres()) {
            command.addAll(List.of("--spring.datasource.url=" + System.getenv("STOCKBRIDGE_TEST_PG_URL"),
                    "--spring.datasource.username=" + System.getenv("STOCKBRIDGE_TEST_PG_USER"),
                    "--spring.datasource.password=" + System.getenv("STOCKBRIDGE_TEST_PG_PASSWORD")));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "crash-test-" + name + ".log").toFile()).start();
        processes.add(process);
        return process;
    }

    private Connection database() throws Exception {
        if (TestDatabase.postgres()) {
            return DriverManager.getConnection(System.getenv("STOCKBRIDGE_TEST_PG_URL"),
                    System.getenv("STOCKBRIDGE_TEST_PG_USER"), System.getenv("STOCKBRIDGE_TEST_PG_PASSWORD"));
        }
        return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("data/stockbridge").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
    }

    private static void awaitHealthy(int port) {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> get(port, "/actuator/health").contains("UP"));
    }

    private static String get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
