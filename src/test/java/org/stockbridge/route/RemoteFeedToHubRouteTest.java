package org.stockbridge.route;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.stockbridge.HubTest;
import org.stockbridge.Skus;
import org.stockbridge.hub.FeedRun;
import org.stockbridge.hub.FeedRunStore;
import org.stockbridge.hub.HubService;
import org.stockbridge.hub.ProductData;
import org.stockbridge.hub.ProductView;
import org.stockbridge.hub.StockChange;
import org.stockbridge.hub.SyncRecord;
import org.stockbridge.hub.SyncRecordQuery;
import org.stockbridge.support.EmbeddedFtpServer;
import org.stockbridge.support.EmbeddedSftpServer;

/**
 * Wholesaler feeds from remote sources through the feed-to-hub template: FTP (embedded Apache MINA FtpServer),
 * SFTP (embedded Apache SSHD) and HTTP polled by a timer (WireMock), including transfers that fail part-way.
 * <p>
 * The servers start on free ports before the hub (static fields) and are handed to the routes in
 * {@code routes/remote-feeds/} as {@code stockbridge.test.*} properties. The HTTP route is kept stopped and each
 * HTTP test starts it, so every test sees only its own polls. The context is closed after the class: its consumers
 * would otherwise keep polling servers that are gone.
 */
@HubTest
@DirtiesContext
@TestPropertySource(properties = {"stockbridge.routes-dir=src/test/resources/routes/remote-feeds",
        "stockbridge.mappings-dir=src/test/resources/mappings", "stockbridge.drop-dir=target/remote-feed-drop",
        "stockbridge.retry.attempts=3", "stockbridge.retry.initial-delay=100",
        "camel.main.auto-startup-exclude-pattern=" + RemoteFeedToHubRouteTest.HTTP_ROUTE,
        // ftpserver warns on every passive data connection when its passive ports are "any free port"
        "logging.level.org.apache.ftpserver.impl.PassivePorts=ERROR"})
class RemoteFeedToHubRouteTest {

    static final String HTTP_ROUTE = "acme-http-feed-to-hub";
    static final String HTTP_PATH = "/feeds/acme.csv";
    static final String HTTP_FILE = "acme.csv";
    static final Charset CP1250 = Charset.forName("windows-1250");
    static final String HEADER = "Symbol;EAN;Nazwa;Stan;Cena netto\n";
    static final Duration WAIT = Duration.ofSeconds(30);

    static final EmbeddedFtpServer FTP = EmbeddedFtpServer.started("acme", madeUpPassword());
    static final EmbeddedSftpServer SFTP = new EmbeddedSftpServer("acme", madeUpPassword());
    static final WireMockServer HTTP = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    static CamelContext camelOfThisClass;

    static {
        try {
            SFTP.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HTTP.start();
    }

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("stockbridge.test.ftp-port", FTP::port);
        registry.add("stockbridge.test.ftp-user", FTP::user);
        registry.add("stockbridge.test.ftp-password", FTP::password);
        registry.add("stockbridge.test.sftp-port", SFTP::port);
        registry.add("stockbridge.test.sftp-user", SFTP::user);
        registry.add("stockbridge.test.sftp-password", SFTP::password);
        registry.add("stockbridge.test.http-port", HTTP::port);
    }

    @AfterAll
    static void stopServers() throws Exception {
        try {
            if (camelOfThisClass != null) {
                // stop polling before the servers go; the context itself is closed after the class (@DirtiesContext)
                camelOfThisClass.getRouteController().stopAllRoutes();
            }
        } finally {
            HTTP.stop();
            SFTP.close();
            FTP.close();
        }
    }

    @Autowired
    HubService hub;

    @Autowired
    FeedRunStore runs;

    @Autowired
    CamelContext camel;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void resetServers() {
        camelOfThisClass = camel;
        HTTP.resetAll();
        FTP.restoreDownloads();
    }

    @AfterEach
    void stopHttpRoute() throws Exception {
        camel.getRouteController().stopRoute(HTTP_ROUTE);
    }

    // ---------------------------------------------------------------------------------------------------- FTP

    @Test
    void aWindows1250CsvOnFtpLandsInHubStockAndTheRemoteFileMovesToDone() {
        String a = product("FTP-A");
        String b = product("FTP-B");
        String file = "stany-" + a + ".csv";
        FTP.put("feeds/" + file, (HEADER
                + a + ";5901234123457;Śrubokręt płaski;12;10,00\n"
                + b + ";;Młotek ślusarski;brak;20,50\n").getBytes(CP1250));

        FeedRun run = awaitRun("acme", file);
        assertThat(run.outcome()).isEqualTo("applied");
        assertThat(run.mapping()).isEqualTo("acme-remote.yaml");
        assertThat(run.rows()).isEqualTo(2);
        assertThat(run.badRows()).isZero();
        ProductView pa = hub.product(a);
        assertThat(pa.stock()).isEqualTo(Map.of("acme", 12));
        assertThat(pa.prices()).isEqualTo(Map.of("retail-pln", "12.30"));
        ProductView pb = hub.product(b);
        assertThat(pb.stock()).isEqualTo(Map.of("acme", 0));
        assertThat(pb.prices()).isEqualTo(Map.of("retail-pln", "25.22"));
        assertThat(records(a)).anySatisfy(r -> {
            assertThat(r.field()).isEqualTo("stock[acme]");
            assertThat(r.newValue()).isEqualTo("12");
            assertThat(r.reason()).isEqualTo(file + " line 2");
        });

        Path feeds = FTP.root().resolve("feeds");
        await().atMost(WAIT).until(() -> Files.exists(feeds.resolve(".done").resolve(file)));
        assertThat(feeds.resolve(file)).doesNotExist();
        assertThat(feeds.resolve(".error").resolve(file)).doesNotExist();
    }

    @Test
    void aDownloadCutMidTransferAppliesNothingAndTheFileIsAppliedOnceWhenTheServerRecovers() {
        String a = product("FTP-CUT");
        hub.setStock(null, StockChange.set(a, "acme", 5, "stock before the feed"));
        String file = "cut-" + a + ".csv";
        StringBuilder csv = new StringBuilder(HEADER);
        csv.append(a).append(";;Wkrętarka;12;10,00\n");
        for (int i = 0; i < 50; i++) {
            // more rows than the cut lets through, each for a SKU the hub does not know (reported, not applied)
            csv.append("NOT-IN-HUB-").append(a).append('-').append(i).append(";;Żarówka;1;1,00\n");
        }
        int cutsBefore = FTP.cutDownloads();
        FTP.cutDownloadsAfter(HEADER.length() + 10);
        FTP.put("feeds/" + file, csv.toString().getBytes(CP1250));

        // the consumer keeps trying: every download breaks off after the header and a few bytes
        await().atMost(WAIT).until(() -> FTP.cutDownloads() >= cutsBefore + 3);
        assertThat(hub.product(a).stock()).as("nothing of a broken download is applied").isEqualTo(Map.of("acme", 5));
        assertThat(runsOf("acme", file)).as("a broken download never reaches ingestion").isEmpty();
        Path feeds = FTP.root().resolve("feeds");
        assertThat(feeds.resolve(file)).as("the remote file stays for the next poll").exists();
        assertThat(feeds.resolve(".error").resolve(file)).doesNotExist();

        FTP.restoreDownloads();

        FeedRun run = awaitRun("acme", file);
        assertThat(run.outcome()).isEqualTo("applied");
        assertThat(run.rows()).isEqualTo(51);
        assertThat(run.unknownKeys()).isEqualTo(50);
        assertThat(hub.product(a).stock()).isEqualTo(Map.of("acme", 12));
        await().atMost(WAIT).until(() -> Files.exists(feeds.resolve(".done").resolve(file)));
        assertThat(runsOf("acme", file)).as("applied exactly once").singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo("applied"));
        assertThat(records(a).stream().filter(r -> r.field().equals("stock[acme]") && r.reason().startsWith(file)))
                .as("one stock change from the file").hasSize(1);
    }

    // --------------------------------------------------------------------------------------------------- SFTP

    @Test
    void aJsonFeedOnSftpLandsInTheHubAndTheRemoteFileMovesToDone() {
        String a = product("SFTP");
        String file = "stock-" + a + ".json";
        SFTP.put("feeds/" + file, "{\"data\":{\"products\":[{\"sku\":\"" + a
                + "\",\"stock\":{\"available\":4},\"price\":{\"gross\":\"19.99\"}}]}}");

        FeedRun run = awaitRun("acme", file);
        assertThat(run.outcome()).isEqualTo("applied");
        assertThat(run.mapping()).isEqualTo("acme-json.yaml");
        assertThat(hub.product(a).stock()).isEqualTo(Map.of("acme", 4));
        assertThat(hub.product(a).prices()).isEqualTo(Map.of("retail-pln", "19.99"));
        Path feeds = SFTP.root().resolve("feeds");
        await().atMost(WAIT).until(() -> Files.exists(feeds.resolve(".done").resolve(file)));
        assertThat(feeds.resolve(file)).doesNotExist();
    }

    // --------------------------------------------------------------------------------------------------- HTTP

    @Test
    void anHttpFeedIsAppliedAndTheSameContentPolledAgainIsSkipped() throws Exception {
        String a = product("HTTP");
        HTTP.stubFor(get(HTTP_PATH).willReturn(feed(a + ";;Poziomica;7;10,00\n")));
        long since = lastRunId();

        startHttpRoute();
        FeedRun run = awaitHttpRun(since);
        assertThat(run.outcome()).isEqualTo("applied");
        assertThat(hub.product(a).stock()).isEqualTo(Map.of("acme", 7));
        assertThat(hub.product(a).prices()).isEqualTo(Map.of("retail-pln", "12.30"));
        int recordsAfterFirst = records(a).size();

        // the timer polls on; the body is the same bytes, so it is recognised and skipped
        int polled = requests();
        await().atMost(WAIT).until(() -> requests() >= polled + 3);
        assertThat(httpRunsSince(since)).as("one applied run for the unchanged feed").singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo("applied"));
        assertThat(records(a)).as("no new sync records").hasSize(recordsAfterFirst);
        assertThat(hub.product(a).stock()).isEqualTo(Map.of("acme", 7));
    }

    @Test
    void serverErrorsAreRetriedWithinTheSamePollAndTheFeedIsAppliedOnce() throws Exception {
        String a = product("HTTP-500");
        HTTP.stubFor(get(HTTP_PATH).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500).withBody("try later")).willSetStateTo("failed once"));
        HTTP.stubFor(get(HTTP_PATH).inScenario("flaky").whenScenarioStateIs("failed once")
                .willReturn(aResponse().withStatus(500).withBody("try later")).willSetStateTo("recovered"));
        HTTP.stubFor(get(HTTP_PATH).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(feed(a + ";;Taśma miernicza;3;10,00\n")));
        long since = lastRunId();
        double failedBefore = failedExchanges();

        startHttpRoute();
        FeedRun run = awaitHttpRun(since);
        assertThat(run.outcome()).isEqualTo("applied");
        assertThat(hub.product(a).stock()).isEqualTo(Map.of("acme", 3));
        assertThat(failedExchanges()).as("the redeliveries succeeded: the poll did not fail").isEqualTo(failedBefore);

        int polled = requests();
        await().atMost(WAIT).until(() -> requests() >= polled + 2);
        assertThat(httpRunsSince(since)).as("applied exactly once").singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo("applied"));
    }

    @Test
    void aPersistent404AppliesNothingAndIsCountedAsAFailedExchange() throws Exception {
        HTTP.stubFor(get(HTTP_PATH).willReturn(aResponse().withStatus(404).withBody("no such feed")));
        long since = lastRunId();
        double failedBefore = failedExchanges();

        startHttpRoute();
        await().atMost(WAIT).until(() -> failedExchanges() >= failedBefore + 1);
        assertThat(requests()).as("the poll was retried stockbridge.retry.attempts times before it failed")
                .isGreaterThanOrEqualTo(1 + 3);
        assertThat(httpRunsSince(since)).as("nothing reached ingestion").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"MALFORMED_RESPONSE_CHUNK", "RANDOM_DATA_THEN_CLOSE"})
    void aResponseCutMidBodyAppliesNothingUntilAWholeOneArrives(Fault fault) throws Exception {
        String a = product("HTTP-CUT");
        hub.setStock(null, StockChange.set(a, "acme", 5, "stock before the feed"));
        HTTP.stubFor(get(HTTP_PATH).willReturn(aResponse().withFault(fault)));
        long since = lastRunId();
        double failedBefore = failedExchanges();

        startHttpRoute();
        await().atMost(WAIT).until(() -> failedExchanges() >= failedBefore + 1);
        assertThat(httpRunsSince(since)).as("a broken response never reaches ingestion").isEmpty();
        assertThat(hub.product(a).stock()).isEqualTo(Map.of("acme", 5));

        HTTP.stubFor(get(HTTP_PATH).willReturn(feed(a + ";;Kątownik;9;10,00\n")));
        FeedRun run = awaitHttpRun(since);
        assertThat(run.outcome()).isEqualTo("applied");
        assertThat(hub.product(a).stock()).isEqualTo(Map.of("acme", 9));
        assertThat(httpRunsSince(since)).singleElement();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private String product(String prefix) {
        String sku = Skus.fresh(prefix);
        hub.saveProduct(sku, new ProductData(null, prefix, Map.of()));
        return sku;
    }

    private static ResponseDefinitionBuilder feed(String rows) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/csv; charset=windows-1250")
                .withBody((HEADER + rows).getBytes(CP1250));
    }

    private void startHttpRoute() throws Exception {
        camel.getRouteController().startRoute(HTTP_ROUTE);
        assertThat(camel.getRouteController().getRouteStatus(HTTP_ROUTE)).isEqualTo(ServiceStatus.Started);
    }

    private static int requests() {
        return HTTP.findAll(getRequestedFor(urlEqualTo(HTTP_PATH))).size();
    }

    /** Exchanges of the HTTP route that failed for good, as Prometheus shows them ({@code camel_exchanges_failed}). */
    private double failedExchanges() {
        return meters.find("camel.exchanges.failed").tag("routeId", HTTP_ROUTE).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private long lastRunId() {
        return runs.recent(null, 1).stream().mapToLong(FeedRun::id).max().orElse(0);
    }

    /** Runs of the HTTP feed after {@code since}: all HTTP tests fetch the same URL, so the same file name. */
    private List<FeedRun> httpRunsSince(long since) {
        return runsOf("acme", HTTP_FILE).stream().filter(r -> r.id() > since).toList();
    }

    private FeedRun awaitHttpRun(long since) {
        return await().atMost(WAIT).until(() -> httpRunsSince(since).stream()
                .filter(r -> !"running".equals(r.outcome())).findFirst().orElse(null), r -> r != null);
    }

    private List<FeedRun> runsOf(String connection, String fileName) {
        return runs.recent(connection, 500).stream().filter(r -> r.fileName().equals(fileName)).toList();
    }

    private FeedRun awaitRun(String connection, String fileName) {
        return await().atMost(WAIT).until(() -> runsOf(connection, fileName).stream()
                .filter(r -> !"running".equals(r.outcome())).findFirst().orElse(null), r -> r != null);
    }

    private List<SyncRecord> records(String sku) {
        return hub.syncRecords(new SyncRecordQuery(sku, null, null, null, 100));
    }

    private static String madeUpPassword() {
        return "test" + UUID.randomUUID().toString().replace("-", "");
    }
}
