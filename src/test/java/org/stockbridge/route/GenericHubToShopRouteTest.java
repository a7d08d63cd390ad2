package org.stockbridge.route;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.stockbridge.support.ShopPushes.postsWith;
import static org.stockbridge.support.ShopPushes.shopId;
import static org.stockbridge.support.ShopPushes.startedShop;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.stockbridge.HubTest;
import org.stockbridge.Skus;
import org.stockbridge.hub.HubService;
import org.stockbridge.hub.PriceChange;
import org.stockbridge.hub.StockChange;
import org.stockbridge.hub.SyncRecord;
import org.stockbridge.support.DropFiles;
import org.stockbridge.support.EmbeddedFtpServer;
import org.stockbridge.support.EmbeddedSftpServer;
import org.stockbridge.support.ShopPushes;
import org.stockbridge.support.StopRoutesFirst;

/**
 * hub-to-shop for the generic format, with the shipped example mappings: {@code gen-json}
 * (mappings/shop-generic-json.yaml) against WireMock, {@code gen-csv} (mappings/shop-generic-csv.yaml) into a
 * folder, {@code gen-ftp} (the same mapping) onto an embedded FTP server. Each test has its own products.
 */
@HubTest
@DirtiesContext // the routes poll WireMock and the FTP server, which stop with this class
@Import(ShopPushes.class)
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
        "stockbridge.push.retry-initial-delay=PT0.1S",
        "stockbridge.connections.gen-json.type=shop", "stockbridge.connections.gen-json.stock=inferior",
        "stockbridge.connections.gen-json.prices=inferior", "stockbridge.connections.gen-json.warehouse=main",
        "stockbridge.connections.gen-json.price-group=retail-pln", "stockbridge.connections.gen-json.format=generic",
        "stockbridge.connections.gen-json.settings.mapping=shop-generic-json.yaml",
        "stockbridge.connections.gen-json.settings.apiKey=" + GenericHubToShopRouteTest.API_KEY,
        "stockbridge.connections.gen-json.settings.requestsPerMinute=6000",
        "stockbridge.connections.gen-csv.type=shop", "stockbridge.connections.gen-csv.stock=inferior",
        "stockbridge.connections.gen-csv.prices=inferior", "stockbridge.connections.gen-csv.warehouse=main",
        "stockbridge.connections.gen-csv.price-group=retail-pln", "stockbridge.connections.gen-csv.format=generic",
        "stockbridge.connections.gen-csv.settings.mapping=shop-generic-csv.yaml",
        "stockbridge.connections.gen-csv.settings.target=file:" + GenericHubToShopRouteTest.FOLDER,
        "stockbridge.connections.gen-ftp.type=shop", "stockbridge.connections.gen-ftp.stock=inferior",
        "stockbridge.connections.gen-ftp.warehouse=main", "stockbridge.connections.gen-ftp.format=generic",
        "stockbridge.connections.gen-ftp.settings.mapping=shop-generic-csv.yaml",
        "stockbridge.connections.gen-ftp.settings.password=" + GenericHubToShopRouteTest.FTP_PASSWORD,
        "stockbridge.connections.gen-sftp.type=shop", "stockbridge.connections.gen-sftp.prices=inferior",
        "stockbridge.connections.gen-sftp.price-group=retail-pln", "stockbridge.connections.gen-sftp.format=generic",
        "stockbridge.connections.gen-sftp.settings.mapping=shop-generic-xml.yaml",
        "stockbridge.connections.gen-sftp.settings.password=" + GenericHubToShopRouteTest.SFTP_PASSWORD,
        "stockbridge.connections.gen-dry.type=shop", "stockbridge.connections.gen-dry.stock=inferior",
        "stockbridge.connections.gen-dry.warehouse=main", "stockbridge.connections.gen-dry.format=generic",
        "stockbridge.connections.gen-dry.dry-run=true",
        "stockbridge.connections.gen-dry.settings.mapping=shop-generic-csv.yaml",
        "stockbridge.connections.gen-dry.settings.target=sftp://shop@sftp.example.com/import",
        "stockbridge.connections.gen-dry.settings.password=" + GenericHubToShopRouteTest.FTP_PASSWORD})
class GenericHubToShopRouteTest {

    static final String API_KEY = "gk_live_5b8e1d0c7a";
    static final String FTP_PASSWORD = "ftp-s3cret-4711";
    static final String SFTP_PASSWORD = "sftp-s3cret-0815";
    static final String FOLDER = "target/test-generic-shop/csv";
    static final String STOCK = "/api/v1/stock/batch";

    static final WireMockServer SHOP = startedShop();
    static final EmbeddedFtpServer FTP = EmbeddedFtpServer.started("shop", FTP_PASSWORD);
    static final EmbeddedSftpServer SFTP = new EmbeddedSftpServer("shop", SFTP_PASSWORD);

    static {
        DropFiles.deleteTree(Path.of(FOLDER));
        try {
            SFTP.start();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // every stock batch is taken unless a test says otherwise
        SHOP.stubFor(post(urlPathEqualTo(STOCK)).atPriority(10).willReturn(okJson("{\"errors\":[]}")));
    }

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        registry.add("stockbridge.connections.gen-json.settings.baseUrl", SHOP::baseUrl);
        registry.add("stockbridge.connections.gen-ftp.settings.target",
                () -> "ftp://shop@127.0.0.1:" + FTP.port() + "/out?passiveMode=true");
        // the embedded server makes a new host key each run: no host-key check in this test only
        registry.add("stockbridge.connections.gen-sftp.settings.target", () -> "sftp://shop@127.0.0.1:" + SFTP.port()
                + "/in?strictHostKeyChecking=no&useUserKnownHostsFile=false");
    }

    @RegisterExtension
    static final AfterAllCallback STOP = StopRoutesFirst.then(() -> {
        SHOP.stop();
        try {
            FTP.close();
            SFTP.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    });

    @Autowired
    HubService hub;

    @Autowired
    ShopPushes pushes;

    @Autowired
    ObjectMapper json;

    @Test
    void stockGoesOutInBatchesOfTheMappingsSizeWithTheExactBodyAndHeader(CapturedOutput output) throws IOException {
        String prefix = Skus.fresh("GB");
        List<String> skus = new ArrayList<>();
        List<StockChange> changes = new ArrayList<>();
        for (int i = 1; i <= 150; i++) {
            String sku = prefix + "-" + i;
            skus.add(sku);
            pushes.link(sku, "gen-json", "7" + i + prefix.hashCode());
            changes.add(StockChange.set(sku, "main", i, "test"));
        }

        hub.applyStock(null, changes); // one transaction: one drain, cut by the mapping's batchSize 100

        pushes.awaitDoneLike(prefix + "-%");
        List<LoggedRequest> sent = postsWith(SHOP, STOCK, "$.items[?(@.sku =~ /" + prefix + "-.*/)]");
        assertThat(sent).hasSize(2);
        List<Integer> sizes = new ArrayList<>();
        for (LoggedRequest request : sent) {
            JsonNode body = json.readTree(request.getBodyAsString());
            sizes.add(body.get("items").size());
            assertThat(request.getHeader("X-Api-Key")).isEqualTo(API_KEY);
            assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        }
        assertThat(sizes).containsExactlyInAnyOrder(100, 50);
        JsonNode first = firstItem(sent, prefix + "-1");
        assertThat(json.writeValueAsString(first)).isEqualTo("{\"sku\":\"" + prefix + "-1\",\"productId\":\"71"
                + prefix.hashCode() + "\",\"quantity\":1,\"warehouse\":\"main\"}");
        SyncRecord out = pushes.outRecords(prefix + "-1").get(0);
        assertThat(out.connection()).isEqualTo("gen-json");
        assertThat(out.field()).isEqualTo("stock");
        assertThat(out.newValue()).isEqualTo("1");
        assertThat(out.result()).isEqualTo("ok");
        pushes.assertNoCredentials(output, List.of(API_KEY, FTP_PASSWORD), skus.get(0));
    }

    @Test
    void aPriceGoesOutAsOneRequestPerProductOnItsPath() {
        String sku = Skus.fresh("GP");
        String id = String.valueOf(shopId());
        pushes.link(sku, "gen-json", id);
        SHOP.stubFor(put(urlPathEqualTo("/api/v1/products/" + id + "/price")).willReturn(aResponse().withStatus(204)));

        hub.setPrice(null, new PriceChange(sku, "retail-pln", new BigDecimal("12.99"), "test"));

        pushes.awaitDone(sku);
        List<LoggedRequest> sent = SHOP.findAll(putRequestedFor(urlPathEqualTo("/api/v1/products/" + id + "/price")));
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getBodyAsString()).isEqualTo("{\"sku\":\"" + sku + "\",\"grossPrice\":\"12.99\"}");
        assertThat(sent.get(0).getHeader("X-Api-Key")).isEqualTo(API_KEY);
        assertThat(pushes.outRecords(sku)).extracting(SyncRecord::field, SyncRecord::newValue, SyncRecord::result)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("price", "12.99", "ok"));
    }

    @Test
    void aServerErrorIsRetriedAndTheLaterSuccessRecordedOk() {
        String sku = Skus.fresh("GE");
        pushes.link(sku, "gen-json", "9" + Math.abs(sku.hashCode()));
        String scenario = "down-" + sku;
        SHOP.stubFor(post(urlPathEqualTo(STOCK)).withRequestBody(matchingJsonPath(item(sku)))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(serverError().withBody("{\"message\":\"database down\"}")).willSetStateTo("up"));
        SHOP.stubFor(post(urlPathEqualTo(STOCK)).withRequestBody(matchingJsonPath(item(sku)))
                .inScenario(scenario).whenScenarioStateIs("up").willReturn(okJson("{\"errors\":[]}")));

        hub.setStock(null, StockChange.set(sku, "main", 4, "test"));

        pushes.awaitDone(sku);
        assertThat(requestsWith(sku)).hasSize(2);
        assertThat(pushes.outRecords(sku)).extracting(SyncRecord::result).containsExactly("ok", "retried");
        assertThat(pushes.outRecords(sku).get(1).reason()).contains("HTTP 500").contains("database down");
    }

    @Test
    void anItemTheAnswerListsFailsAloneAndIsListedForOperators() throws IOException {
        String good = Skus.fresh("GG");
        String bad = Skus.fresh("GX");
        pushes.link(good, "gen-json", "5" + Math.abs(good.hashCode()));
        pushes.link(bad, "gen-json", "6" + Math.abs(bad.hashCode()));
        SHOP.stubFor(post(urlPathEqualTo(STOCK)).withRequestBody(matchingJsonPath(item(good)))
                .willReturn(okJson("{\"errors\":[{\"sku\":\"" + bad + "\",\"message\":\"unknown product\"}]}")));

        hub.applyStock(null, List.of(StockChange.set(good, "main", 1, "test"), StockChange.set(bad, "main", 2, "test")));

        pushes.awaitDone(good);
        JsonNode failure = pushes.awaitFailure(bad);
        assertThat(failure.get("connection").asText()).isEqualTo("gen-json");
        assertThat(failure.get("lastError").asText()).isEqualTo("shop error: unknown product");
        assertThat(pushes.failureOf(good)).isNull();
        assertThat(requestsWith(good)).hasSize(1).first()
                .satisfies(r -> assertThat(json.readTree(r.getBodyAsString()).get("items")).hasSize(2));
        assertThat(pushes.outRecords(bad).get(0).result()).isEqualTo("failed");
        assertThat(pushes.outRecords(good).get(0).result()).isEqualTo("ok");
    }

    @Test
    void stockAndPricesAreWrittenAsOneCsvFileEachIntoTheFolder() throws IOException {
        String a = Skus.fresh("GC");
        String b = Skus.fresh("GC");
        pushes.link(a, "gen-csv", "c-" + a);
        pushes.link(b, "gen-csv", "c-" + b);

        hub.applyStock(null, List.of(StockChange.set(a, "main", 7, "test"), StockChange.set(b, "main", 0, "test")));
        pushes.awaitDone(a);
        pushes.awaitDone(b);
        hub.applyPrices(null, List.of(new PriceChange(a, "retail-pln", new BigDecimal("12.99"), "test")));
        await().atMost(Duration.ofSeconds(20)).until(() -> filesWith(a).size() == 2);
        pushes.awaitDone(a); // the file is written before the push is recorded

        List<Path> files = filesWith(a);
        Path stock = files.stream().filter(f -> f.getFileName().toString().startsWith("stock-")).findFirst().orElseThrow();
        Path prices = files.stream().filter(f -> f.getFileName().toString().startsWith("prices-")).findFirst().orElseThrow();
        assertThat(stock.getFileName().toString()).matches("stock-\\d{8}-\\d{6}-\\d{3}\\.csv");
        assertThat(Files.readString(stock)).isEqualTo("SKU;Stock\r\n" + a + ";7\r\n" + b + ";0\r\n");
        assertThat(Files.readString(prices)).isEqualTo("SKU;Price\r\n" + a + ";12.99\r\n");
        try (Stream<Path> all = Files.list(Path.of(FOLDER))) {
            assertThat(all.map(f -> f.getFileName().toString())).as("no temporary file is left").noneMatch(n -> n.endsWith(".part"));
        }
        assertThat(pushes.outRecords(a)).extracting(SyncRecord::field, SyncRecord::result).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("stock", "ok"), org.assertj.core.groups.Tuple.tuple("price", "ok"));
        assertThat(pushes.outRecords(a).get(0).requestId()).isNotBlank();
    }

    @Test
    void stockIsUploadedAsACsvFileToTheFtpServer(CapturedOutput output) throws IOException {
        String sku = Skus.fresh("GF");
        pushes.link(sku, "gen-ftp", "f-" + sku);

        hub.setStock(null, StockChange.set(sku, "main", 12, "test"));

        pushes.awaitDone(sku);
        Path out = FTP.root().resolve("out");
        List<Path> files;
        try (Stream<Path> listed = Files.list(out)) {
            files = listed.filter(f -> read(f).contains(sku)).toList();
        }
        assertThat(files).hasSize(1);
        assertThat(files.get(0).getFileName().toString()).matches("stock-\\d{8}-\\d{6}-\\d{3}\\.csv");
        assertThat(Files.readString(files.get(0))).isEqualTo("SKU;Stock\r\n" + sku + ";12\r\n");
        assertThat(pushes.outRecords(sku).get(0).result()).isEqualTo("ok");
        pushes.assertNoCredentials(output, List.of(FTP_PASSWORD), sku);
    }

    @Test
    void aPriceIsUploadedAsAnXmlFileToTheSftpServer(CapturedOutput output) throws IOException {
        String sku = Skus.fresh("GS");
        pushes.link(sku, "gen-sftp", "s-" + sku);

        hub.setPrice(null, new PriceChange(sku, "retail-pln", new BigDecimal("1000.5"), "test"));

        pushes.awaitDone(sku);
        List<Path> files;
        try (Stream<Path> listed = Files.list(SFTP.root().resolve("in"))) {
            files = listed.filter(f -> read(f).contains(sku)).toList();
        }
        assertThat(files).hasSize(1);
        assertThat(files.get(0).getFileName().toString()).matches("prices-\\d{8}-\\d{6}-\\d{3}\\.xml");
        assertThat(Files.readString(files.get(0))).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<products>\n"
                + "  <product><id>s-" + sku + "</id><code>" + sku + "</code><price>1000.50</price></product>\n</products>\n");
        assertThat(pushes.outRecords(sku).get(0).result()).isEqualTo("ok");
        pushes.assertNoCredentials(output, List.of(SFTP_PASSWORD), sku);
    }

    @Test
    void dryRunWritesTheFileItWouldUploadAndUploadsNothing() throws IOException {
        String sku = Skus.fresh("GD");
        pushes.link(sku, "gen-dry", "d-" + sku);

        hub.setStock(null, StockChange.set(sku, "main", 3, "test"));

        pushes.awaitDone(sku);
        SyncRecord out = pushes.outRecords(sku).get(0);
        assertThat(out.result()).isEqualTo("dry-run");
        String written = Files.readString(Path.of("target/test-data/dry-run/gen-dry/" + out.requestId() + ".http"));
        assertThat(written).matches("(?s)WRITE sftp://shop@sftp\\.example\\.com/import/stock-\\d{8}-\\d{6}-\\d{3}\\.csv\n"
                + "Content-Type: text/csv; charset=UTF-8\n\n.*")
                .endsWith("\n\nSKU;Stock\r\n" + sku + ";3\r\n")
                .doesNotContain(FTP_PASSWORD);
    }

    private JsonNode firstItem(List<LoggedRequest> sent, String sku) throws IOException {
        for (LoggedRequest request : sent) {
            for (JsonNode item : json.readTree(request.getBodyAsString()).get("items")) {
                if (item.get("sku").asText().equals(sku)) {
                    return item;
                }
            }
        }
        throw new AssertionError("no item for " + sku);
    }

    private static List<LoggedRequest> requestsWith(String sku) {
        return postsWith(SHOP, STOCK, item(sku));
    }

    /** Where a stock batch's body holds the item of {@code sku}. */
    private static String item(String sku) {
        return "$.items[?(@.sku == '" + sku + "')]";
    }

    private static List<Path> filesWith(String sku) throws IOException {
        Path folder = Path.of(FOLDER);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> listed = Files.list(folder)) {
            return listed.filter(f -> f.getFileName().toString().endsWith(".csv") && read(f).contains(sku)).toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ""; // renamed away or half-listed: not this test's file yet
        }
    }
}
