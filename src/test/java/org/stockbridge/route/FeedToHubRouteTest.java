package org.stockbridge.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.context.TestPropertySource;
import org.stockbridge.HubTest;
import org.stockbridge.Skus;
import org.stockbridge.feed.intake.HeldFeeds;
import org.stockbridge.hub.FeedRun;
import org.stockbridge.hub.HubDatabase;
import org.stockbridge.hub.HeldFeed;
import org.stockbridge.hub.HeldFeedStore;
import org.stockbridge.hub.FeedRunStore;
import org.stockbridge.hub.HubService;
import org.stockbridge.hub.ProductData;
import org.stockbridge.hub.ProductView;
import org.stockbridge.hub.SyncRecord;
import org.stockbridge.hub.SyncRecordQuery;
import org.stockbridge.support.DropFiles;

/** Wholesaler feeds dropped into local folders, through the feed-to-hub template, into hub stock and prices. */
@HubTest
@TestPropertySource(properties = {"stockbridge.routes-dir=src/test/resources/routes/feeds",
        "stockbridge.mappings-dir=src/test/resources/mappings", "stockbridge.drop-dir=target/feed-drop"})
class FeedToHubRouteTest {

    static final Path DROP = Path.of("target/feed-drop");
    static final Charset CP1250 = Charset.forName("windows-1250");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    HeldFeedStore heldFeedStore;

    @Autowired
    HeldFeeds heldFeeds;

    @Autowired
    HubDatabase database;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    HubService hub;

    @Autowired
    FeedRunStore runs;

    @Autowired
    org.springframework.boot.test.web.client.TestRestTemplate http;

    @BeforeAll
    static void emptyDropFolders() {
        DropFiles.deleteTree(DROP);
    }

    private String product(String prefix) {
        String sku = Skus.fresh(prefix);
        hub.saveProduct(sku, new ProductData(null, prefix, Map.of()));
        return sku;
    }

    private FeedRun awaitRun(String fileName) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> runs.recent("acme", 200).stream()
                .filter(r -> r.fileName().equals(fileName) && !"running".equals(r.outcome())).findFirst().orElse(null),
                r -> r != null);
    }

    private List<SyncRecord> records(String sku) {
        return hub.syncRecords(new SyncRecordQuery(sku, null, null, null, 100));
    }

    @Test
    void aWindows1250CsvIsAppliedAndItsBadRowsAreReportedWithTheirLine() throws Exception {
        String a = product("A");
        String b = product("B");
        String c = product("C");
        String file = "stany-" + a + ".csv";
        String csv = "Symbol;EAN;Nazwa;Stan;Cena netto\n"
                + a + ";5901234123457;Śrubokręt płaski;12;10,00\n"
                + b + ";;Młotek ślusarski;brak;20,50\n"
                + c + ";;Klucz;abc;1,00\n"
                + "NOT-IN-HUB-" + a + ";;Żarówka;5;1,00\n";
        DropFiles.drop(DROP.resolve("acme"), file, csv.getBytes(CP1250));

        FeedRun run = awaitRun(file);
        assertThat(run.outcome()).isEqualTo("applied");
        assertThat(run.rows()).isEqualTo(3);
        assertThat(run.badRows()).isEqualTo(1);
        assertThat(run.unknownKeys()).isEqualTo(1);

        ProductView pa = hub.product(a);
        assertThat(pa.stock()).containsEntry("acme", 12);
        assertThat(pa.prices()).containsEntry("retail-pln", "12.30");
        assertThat(pa.links()).anySatisfy(l -> assertThat(l.connection()).isEqualTo("acme"));
        assertThat(hub.product(b).stock()).containsEntry("acme", 0);
        assertThat(hub.product(b).prices()).containsEntry("retail-pln", "25.22");
        assertThat(hub.product(c).stock()).isEmpty();

        assertThat(records(a)).anySatisfy(r -> {
            assertThat(r.field()).isEqualTo("stock[acme]");
            assertThat(r.newValue()).isEqualTo("12");
            assertThat(r.connection()).isEqualTo("acme");
            assertThat(r.reason()).isEqualTo(file + " line 2");
        });
        assertThat(records(c)).singleElement().satisfies(r -> {
            assertThat(r.result()).isEqualTo("error");
            assertThat(r.reason()).contains(file, "line 4", "abc");
        });

        Path done = DROP.resolve("acme/.done");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(done.resolve(file)));
        String report = Files.readString(done.resolve(file + ".report.txt"));
        assertThat(report).contains("applied", "line 4", "unknown SKU 'NOT-IN-HUB-" + a + "'");
    }

    @Test
    void aFileWithTooManyBadRowsIsRejectedWholeAndMovedToTheErrorFolderWithItsReport() throws Exception {
        String a = product("R");
        String file = "broken-" + a + ".csv";
        String csv = "Symbol;EAN;Nazwa;Stan;Cena netto\n"
                + a + ";;ok;7;1,00\n"
                + a + "-x;;bad;-1;1,00\n"
                + a + "-y;;bad;many;1,00\n";
        DropFiles.drop(DROP.resolve("acme"), file, csv.getBytes(CP1250));

        FeedRun run = awaitRun(file);
        assertThat(run.outcome()).isEqualTo("rejected");
        assertThat(run.detail()).contains("2 of 3 rows are bad");
        assertThat(hub.product(a).stock()).as("nothing of a rejected file is applied").isEmpty();
        Path error = DROP.resolve("acme/.error");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(error.resolve(file)));
        assertThat(Files.readString(error.resolve(file + ".report.txt")))
                .contains("rejected", "line 3", "negative stock -1", "line 4", "many");
    }

    @Test
    void theSameFileUploadedAgainIsNotAppliedTwiceButNewContentUnderTheSameNameIs() throws Exception {
        String a = product("I");
        String file = "daily-" + a + ".csv";
        Path folder = DROP.resolve("acme-create");
        byte[] first = ("sku,ean,name,qty,price\n" + a + ",,x,5,1.00\n").getBytes(StandardCharsets.UTF_8);
        DropFiles.drop(folder, file, first);
        awaitRun(file);
        hub.setStock(null, org.stockbridge.hub.StockChange.set(a, "acme", 99, "operator correction"));

        DropFiles.drop(folder, file, first);
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(folder.resolve(file)));
        assertThat(hub.product(a).stock()).as("the re-upload was skipped").containsEntry("acme", 99);
        assertThat(runs.recent("acme", 200).stream().filter(r -> r.fileName().equals(file))).hasSize(1);

        DropFiles.drop(folder, file, ("sku,ean,name,qty,price\n" + a + ",,x,6,1.00\n").getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(30)).until(() -> hub.product(a).stock().get("acme") == 6);
    }

    @Test
    void anXmlFeedInIso88592IsMatchedByEan() throws Exception {
        String a = Skus.fresh("X");
        String ean = "20" + String.format("%011d", Math.abs(a.hashCode()));
        hub.saveProduct(a, new ProductData(ean, "Wiertarka", Map.of()));
        String file = "offer-" + a + ".xml";
        String xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?>\n<offer><products>\n"
                + "<product id=\"ignored\"><ean>" + ean + "</ean><name>Wiertarka udarowa łódź</name>"
                + "<price><gross>349.00</gross></price><stock><quantity>7</quantity></stock></product>\n"
                + "</products></offer>\n";
        DropFiles.drop(DROP.resolve("acme-xml"), file, xml.getBytes(Charset.forName("ISO-8859-2")));

        assertThat(awaitRun(file).outcome()).isEqualTo("applied");
        ProductView view = hub.product(a);
        assertThat(view.stock()).containsEntry("acme", 7);
        assertThat(view.prices()).containsEntry("retail-pln", "349.00");
        assertThat(view.links()).anySatisfy(l -> {
            assertThat(l.connection()).isEqualTo("acme");
            assertThat(l.externalId()).isEqualTo(ean);
        });
    }

    @Test
    void aJsonFeedWithANestedRecordPath() throws Exception {
        String a = product("J");
        String file = "stock-" + a + ".json";
        String json = "{\"data\":{\"products\":[{\"sku\":\"" + a + "\",\"stock\":{\"available\":4},\"price\":{\"gross\":\"19.99\"}}]}}";
        DropFiles.drop(DROP.resolve("acme-json"), file, json.getBytes(StandardCharsets.UTF_8));

        assertThat(awaitRun(file).outcome()).isEqualTo("applied");
        assertThat(hub.product(a).stock()).containsEntry("acme", 4);
        assertThat(hub.product(a).prices()).containsEntry("retail-pln", "19.99");
    }

    @Test
    void unknownProductsAreCreatedWhenTheMappingSaysSo() throws Exception {
        String sku = Skus.fresh("NEW");
        String file = "import-" + sku + ".csv";
        DropFiles.drop(DROP.resolve("acme-create"), file,
                ("sku,ean,name,qty,price\n" + sku + ",5901234123457,Kubek z importu,3,9.99\n").getBytes(StandardCharsets.UTF_8));

        FeedRun run = awaitRun(file);
        assertThat(run.created()).isEqualTo(1);
        ProductView created = hub.product(sku);
        assertThat(created.name()).isEqualTo("Kubek z importu");
        assertThat(created.ean()).isEqualTo("5901234123457");
        assertThat(created.stock()).containsEntry("acme", 3);
        assertThat(created.prices()).containsEntry("retail-pln", "9.99");
        assertThat(created.links()).singleElement().satisfies(l -> assertThat(l.externalId()).isEqualTo(sku));
    }

    @Test
    void aFeedOfManyBatchesAppliedOnParallelLanesEndsWithEachKeysLastRow() throws Exception {
        String prefix = Skus.fresh("LANE");
        String file = "lanes-" + prefix + ".csv";
        int rows = 12_000; // three batches per lane at least, on the default two lanes
        StringBuilder csv = new StringBuilder("sku,ean,name,qty,price\n");
        for (int i = 0; i < rows; i++) {
            csv.append(prefix).append('-').append(i).append(",,Lane ").append(i).append(',').append(i % 50).append(",1.00\n");
        }
        // the first product again near the end: the later row must win over line 2, several batches earlier
        csv.append(prefix).append("-0,,Lane 0,4321,2.50\n");
        DropFiles.drop(DROP.resolve("acme-create"), file, csv.toString().getBytes(StandardCharsets.UTF_8));

        FeedRun run = await().atMost(Duration.ofSeconds(120)).until(() -> runs.recent("acme", 200).stream()
                .filter(r -> r.fileName().equals(file) && !"running".equals(r.outcome())).findFirst().orElse(null),
                r -> r != null);
        assertThat(run.outcome()).isEqualTo("applied");
        assertThat(run.created()).isEqualTo(rows);
        assertThat(run.rows()).isEqualTo(rows + 1);
        assertThat(hub.product(prefix + "-0").stock()).containsEntry("acme", 4321);
        assertThat(hub.product(prefix + "-0").prices()).containsEntry("retail-pln", "2.50");
        assertThat(records(prefix + "-0")).filteredOn(r -> "stock[acme]".equals(r.field()))
                .as("newest first: the later row's change was recorded after the first's")
                .extracting(SyncRecord::newValue).containsExactly("4321", "0");
        assertThat(hub.product(prefix + "-11999").stock()).containsEntry("acme", 11999 % 50);
    }

    @Test
    void aRepeatedFullFeedSkipsTheRowsTheHubHoldsYetKeepsThemAndStillAppliesAKeysLaterRow() throws Exception {
        List<String> skus = fullFeedApplied("R", 3);
        Path folder = DROP.resolve("acme-guard");
        int recordsOfUnchanged = records(skus.get(0)).size();

        String second = "repeat-2-" + skus.get(0) + ".csv";
        String rows = "Symbol;EAN;Nazwa;Stan;Cena netto\n"
                + skus.get(0) + ";;x;10;1,00\n" // what the hub holds: skipped
                + skus.get(1) + ";;x;7;1,00\n"
                + skus.get(1) + ";;x;10;1,00\n"; // back to what the hub held: applied after the row before it
        DropFiles.drop(folder, second, rows.getBytes(CP1250)); // skus.get(2) is missing from this full feed
        FeedRun run = awaitRun(second);

        assertThat(run.outcome()).isEqualTo("applied");
        assertThat(run.changed()).isEqualTo(2);
        assertThat(hub.product(skus.get(0)).stock()).as("present, though skipped: not zeroed").containsEntry("acme", 10);
        assertThat(records(skus.get(0))).as("a skipped row writes nothing").hasSize(recordsOfUnchanged);
        assertThat(hub.product(skus.get(1)).stock()).containsEntry("acme", 10);
        assertThat(records(skus.get(1))).filteredOn(r -> "stock[acme]".equals(r.field()))
                .extracting(SyncRecord::newValue).as("newest first").containsExactly("10", "7", "10");
        assertThat(hub.product(skus.get(2)).stock()).containsEntry("acme", 0);
    }

    /**
     * A folder shared by several instances (read lock in the database): while another instance holds a file's lock,
     * this one leaves the file and that lock alone, poll after poll; when that instance dies mid-file (kill -9
     * leaves its lock behind, no longer renewed), the lock grows stale and this instance reads the file.
     */
    @Test
    void aSharedFolderFileLockedByAnotherInstanceWaitsAndIsReadOnceThatInstancesLockIsStale() throws Exception {
        String sku = Skus.fresh("SHARED");
        String file = "shared-" + sku + ".csv";
        Path folder = DROP.resolve("acme-shared");
        String key = folder.resolve(file).toAbsolutePath().toString();
        jdbc.update("INSERT INTO CAMEL_MESSAGEPROCESSED (processorName, messageId, createdAt) VALUES ('feed-read-lock', ?, ?)",
                key, Timestamp.from(Instant.now()));

        DropFiles.drop(folder, file, ("sku,ean,name,qty,price\n" + sku + ",," + sku + ",4,9.99\n").getBytes(StandardCharsets.UTF_8));

        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> Files.exists(folder.resolve(file))
                && readLocks(key) == 1 && runs.recent("acme", 200).stream().noneMatch(r -> r.fileName().equals(file)));
        jdbc.update("UPDATE CAMEL_MESSAGEPROCESSED SET createdAt = ? WHERE processorName = 'feed-read-lock' AND messageId = ?",
                Timestamp.from(Instant.now().minus(Duration.ofHours(1))), key);

        assertThat(awaitRun(file).outcome()).isEqualTo("applied");
        assertThat(hub.product(sku).stock()).containsEntry("acme", 4);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(folder.resolve(".done").resolve(file)));
        assertThat(readLocks(key)).as("the lock is released after the file").isZero();
    }

    private int readLocks(String key) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED WHERE processorName = 'feed-read-lock' "
                + "AND messageId = ?", Integer.class, key);
    }

    @Test
    void aFullFeedKeepsTheStockOfAProductWhoseRowIsBadInsteadOfZeroingItAsMissing() throws Exception {
        List<String> skus = fullFeedApplied("B", 8);
        String second = "bad-row-" + skus.get(0) + ".csv";
        StringBuilder rows = new StringBuilder("Symbol;EAN;Nazwa;Stan;Cena netto\n");
        skus.subList(0, 5).forEach(sku -> rows.append(sku).append(";;x;9;1,00\n"));
        rows.append(skus.get(5)).append(";;x;abc;1,00\n"); // in the file, but its stock cannot be read
        rows.append(skus.get(6)).append(";;x;-3;1,00\n"); // in the file, with a stock the hub refuses
        DropFiles.drop(DROP.resolve("acme-guard"), second, rows.toString().getBytes(CP1250)); // skus.get(7) is missing
        FeedRun run = awaitRun(second);

        assertThat(run.outcome()).isEqualTo("applied");
        assertThat(hub.product(skus.get(0)).stock()).containsEntry("acme", 9);
        assertThat(hub.product(skus.get(5)).stock()).as("a bad row keeps the hub's stock").containsEntry("acme", 10);
        assertThat(hub.product(skus.get(6)).stock()).as("a bad row keeps the hub's stock").containsEntry("acme", 10);
        assertThat(hub.product(skus.get(7)).stock()).as("missing from the full feed").containsEntry("acme", 0);
        assertThat(run.zeroed()).isEqualTo(1);
    }

    /**
     * Values the hub cannot store (a SKU longer than 100 characters, an EAN longer than 14, a name longer than 500)
     * are bad rows like any other: reported with their line, the rest of the file applied, instead of failing the
     * batch they are in at the database.
     */
    @Test
    void valuesTooLongForTheHubAreBadRowsAndTheRestOfTheFileIsApplied() throws Exception {
        String prefix = Skus.fresh("LONG");
        StringBuilder csv = new StringBuilder("sku,ean,name,qty,price\n");
        for (int i = 0; i < 30; i++) {
            csv.append(prefix).append("-").append(i).append(",,").append(prefix).append(" product ").append(i).append(",3,1.00\n");
        }
        csv.append(prefix).append("-x".repeat(60)).append(",,Too long a SKU,3,1.00\n"); // line 32
        csv.append(prefix).append("-ean,123456789012345,Too long an EAN,3,1.00\n"); // line 33
        csv.append(prefix).append("-name,,").append("n".repeat(501)).append(",3,1.00\n"); // line 34
        String file = "long-" + prefix + ".csv";
        DropFiles.drop(DROP.resolve("acme-create"), file, csv.toString().getBytes(StandardCharsets.UTF_8));

        FeedRun run = awaitRun(file);

        assertThat(run.outcome()).isEqualTo("applied");
        assertThat(run.badRows()).isEqualTo(3);
        assertThat(hub.product(prefix + "-0").stock()).containsEntry("acme", 3);
        assertThat(hub.product(prefix + "-29").stock()).containsEntry("acme", 3);
        Path report = DROP.resolve("acme-create").resolve(".done").resolve(file + ".report.txt");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(report));
        assertThat(Files.readString(report)).contains(file + " line 32 (record 31): SKU longer than 100 characters")
                .contains(file + " line 33 (record 32): EAN longer than 14 characters")
                .contains(file + " line 34 (record 33): name longer than 500 characters");
    }

    /**
     * A feed that fails while applying (here the database: another transaction holds its product past H2's lock
     * timeout) ends as a failed run with its report beside the file in the error folder, and its staged copy is
     * gone. H2 only: PostgreSQL waits for a lock as long as it takes.
     */
    @Test
    void aFeedThatFailsWhileApplyingLeavesItsReportInTheErrorFolder() throws Exception {
        assumeFalse(database.postgresql(), "H2's lock timeout");
        String sku = product("FAIL");
        String file = "fail-" + sku + ".csv";
        Path folder = DROP.resolve("acme-create");
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch failed = new CountDownLatch(1);
        Thread holder = new Thread(() -> new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            jdbc.queryForList("SELECT id FROM product WHERE sku = ? FOR UPDATE", sku);
            locked.countDown();
            try {
                failed.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        holder.start();
        try {
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            DropFiles.drop(folder, file, ("sku,ean,name,qty,price\n" + sku + ",,x,6,1.00\n").getBytes(StandardCharsets.UTF_8));

            FeedRun run = awaitRun(file);

            assertThat(run.outcome()).isEqualTo("failed");
            assertThat(run.detail()).startsWith("failed while applying");
        } finally {
            failed.countDown();
            holder.join(30_000);
        }
        Path report = folder.resolve(".error").resolve(file + ".report.txt");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(folder.resolve(".error").resolve(file)));
        assertThat(Files.readString(report)).contains("failed while applying");
        assertThat(hub.product(sku).stock()).doesNotContainKey("acme");
        try (var staged = Files.list(Path.of("target/test-data/feeds/acme/staging"))) {
            assertThat(staged.map(Path::toString)).noneMatch(name -> name.endsWith(file));
        }
    }

    @Test
    void aHeldFeedOlderThanAFullFeedAppliedSinceIsNotReleased() throws Exception {
        List<String> skus = fullFeedApplied("O", 6);
        String truncated = "old-" + skus.get(0) + ".csv";
        long id = heldTruncated(truncated, skus);
        String newer = "newer-" + skus.get(0) + ".csv";
        DropFiles.drop(DROP.resolve("acme-guard"), newer, csv(skus, 8));
        assertThat(awaitRun(newer).outcome()).isEqualTo("applied");

        var refused = http.postForEntity("/api/feeds/held/" + id + "/release", null, String.class);

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).contains("older than a full feed of acme applied since: discard it");
        assertThat(skus).allSatisfy(sku -> assertThat(hub.product(sku).stock()).containsEntry("acme", 8));
        assertThat(heldEntry(truncated).get("id").asLong()).as("still held").isEqualTo(id);
    }

    @Test
    void aReleaseThatFailsOrIsCutOffLeavesTheFeedHeldToBeReleasedAgain() throws Exception {
        List<String> skus = fullFeedApplied("F", 6);
        String truncated = "cut-" + skus.get(0) + ".csv";
        long id = heldTruncated(truncated, skus);
        Path staged = Path.of(heldFeedStore.find(id).orElseThrow().stagedPath());
        byte[] content = Files.readAllBytes(staged);

        Files.delete(staged); // the staged copy cannot be read: applying it fails
        var failed = http.postForEntity("/api/feeds/held/" + id + "/release", null, String.class);
        assertThat(failed.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(heldEntry(truncated).get("id").asLong()).as("held again").isEqualTo(id);

        Files.write(staged, content);
        heldFeedStore.decide(id, HeldFeed.RELEASED); // as if the hub had stopped while applying it
        Path keptRows = staged.resolveSibling(staged.getFileName() + ".rows");
        Files.write(keptRows, new byte[] {1, 2, 3}); // the rows that release's validation had kept
        heldFeeds.holdInterruptedReleases();
        assertThat(heldEntry(truncated).get("id").asLong()).as("held again after the restart").isEqualTo(id);
        assertThat(keptRows).as("the cut-off release's kept rows are not left in the held folder").doesNotExist();

        var released = http.postForEntity("/api/feeds/held/" + id + "/release", null, com.fasterxml.jackson.databind.JsonNode.class);
        assertThat(released.getBody().get("outcome").asText()).isEqualTo("applied");
        assertThat(hub.product(skus.get(0)).stock()).containsEntry("acme", 5);
        assertThat(hub.product(skus.get(5)).stock()).containsEntry("acme", 0);
    }

    @Test
    void aFullFeedFarShorterThanThePreviousIsHeldUntilAnOperatorReleasesOrDiscardsIt() throws Exception {
        List<String> skus = fullFeedApplied("G", 6);
        Path folder = DROP.resolve("acme-guard");

        String truncated = "truncated-" + skus.get(0) + ".csv";
        DropFiles.drop(folder, truncated, csv(skus.subList(0, 2), 5));
        FeedRun held = awaitRun(truncated);
        assertThat(held.outcome()).isEqualTo("held");
        assertThat(held.detail()).contains("2 rows, below 50 % of the previous full feed (6 rows)");
        assertThat(skus).allSatisfy(sku -> assertThat(hub.product(sku).stock()).containsEntry("acme", 10));

        var entry = heldEntry(truncated);
        long id = entry.get("id").asLong();
        assertThat(entry.get("rows").asLong()).isEqualTo(2);
        assertThat(entry.get("previousRows").asLong()).isEqualTo(6);

        var released = http.postForEntity("/api/feeds/held/" + id + "/release", null, com.fasterxml.jackson.databind.JsonNode.class);
        assertThat(released.getStatusCode().value()).isEqualTo(200);
        assertThat(released.getBody().get("outcome").asText()).isEqualTo("applied");
        assertThat(released.getBody().get("zeroed").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(hub.product(skus.get(0)).stock()).containsEntry("acme", 5);
        assertThat(hub.product(skus.get(1)).stock()).containsEntry("acme", 5);
        assertThat(skus.subList(2, 6)).allSatisfy(sku -> assertThat(hub.product(sku).stock()).containsEntry("acme", 0));
        assertThat(records(skus.get(5))).first().satisfies(r -> {
            assertThat(r.oldValue()).isEqualTo("10");
            assertThat(r.newValue()).isEqualTo("0");
            assertThat(r.reason()).isEqualTo(truncated + ": missing from the full feed");
        });
        assertThat(http.postForEntity("/api/feeds/held/" + id + "/release", null, String.class).getStatusCode().value())
                .as("a feed is released once").isEqualTo(400);

        String empty = "empty-" + skus.get(0) + ".csv";
        DropFiles.drop(folder, empty, csv(List.of(), 1));
        assertThat(awaitRun(empty).outcome()).as("an export cut to its header wipes nothing").isEqualTo("held");
        long emptyId = heldEntry(empty).get("id").asLong();
        assertThat(http.postForEntity("/api/feeds/held/" + emptyId + "/discard", null, String.class).getStatusCode().value()).isEqualTo(204);
        assertThat(hub.product(skus.get(0)).stock()).containsEntry("acme", 5);
        assertThat(http.getForEntity("/api/feeds/held", String.class).getBody()).doesNotContain(empty);
        assertThat(http.postForEntity("/api/feeds/held/999999/release", null, String.class).getStatusCode().value()).isEqualTo(404);
    }

    /** New products, each with stock 10 from a full feed of the guarded mapping. */
    private List<String> fullFeedApplied(String prefix, int products) {
        List<String> skus = java.util.stream.IntStream.range(0, products).mapToObj(i -> product(prefix)).toList();
        String full = "full-" + skus.get(0) + ".csv";
        DropFiles.drop(DROP.resolve("acme-guard"), full, csv(skus, 10));
        assertThat(awaitRun(full).outcome()).isEqualTo("applied");
        return skus;
    }

    /** Drops a full feed of the first two of {@code skus} (stock 5) after a full feed of all: held; its id. */
    private long heldTruncated(String fileName, List<String> skus) {
        DropFiles.drop(DROP.resolve("acme-guard"), fileName, csv(skus.subList(0, 2), 5));
        assertThat(awaitRun(fileName).outcome()).isEqualTo("held");
        return heldEntry(fileName).get("id").asLong();
    }

    private com.fasterxml.jackson.databind.JsonNode heldEntry(String fileName) {
        var held = http.getForEntity("/api/feeds/held", com.fasterxml.jackson.databind.JsonNode.class).getBody();
        return java.util.stream.StreamSupport.stream(held.spliterator(), false)
                .filter(n -> n.get("fileName").asText().equals(fileName)).findFirst().orElseThrow();
    }

    private static byte[] csv(List<String> skus, int stock) {
        StringBuilder csv = new StringBuilder("Symbol;EAN;Nazwa;Stan;Cena netto\n");
        skus.forEach(sku -> csv.append(sku).append(";;x;").append(stock).append(";1,00\n"));
        return csv.toString().getBytes(CP1250);
    }
}
