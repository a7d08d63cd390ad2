package org.stockbridge.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.stockbridge.HubTest;
import org.stockbridge.Skus;

@HubTest
class HubServiceTest {

    @Autowired
    HubService hub;

    @Autowired
    OutboxStore outbox;

    private String product(String prefix) {
        String sku = Skus.fresh(prefix);
        hub.saveProduct(sku, new ProductData("5901234123457", "Kubek " + sku, Map.of("color", "red")));
        return sku;
    }

    private List<SyncRecord> records(String sku) {
        return hub.syncRecords(new SyncRecordQuery(sku, null, null, null, 10_000));
    }

    @Test
    void batchAppliesGoodChangesAndReportsEachRefusedOne() {
        String a = product("A");
        String b = product("B");
        BatchResult result = hub.applyStock("acme", List.of(
                StockChange.set(a, "acme", 7, "feed.csv line 2"),
                StockChange.set("NO-SUCH-SKU", "acme", 3, "feed.csv line 3"),
                StockChange.set(b, "nowhere", 3, "feed.csv line 4"),
                StockChange.set(b, "acme", -1, "feed.csv line 5"),
                StockChange.set(b, "acme", 4, "feed.csv line 6")));

        assertThat(result.changed()).isEqualTo(2);
        assertThat(result.problems()).extracting(ChangeProblem::sku, ChangeProblem::reason, ChangeProblem::context)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("NO-SUCH-SKU", "unknown SKU 'NO-SUCH-SKU'", "feed.csv line 3"),
                        org.assertj.core.groups.Tuple.tuple(b, "unknown warehouse 'nowhere'", "feed.csv line 4"),
                        org.assertj.core.groups.Tuple.tuple(b, "negative stock -1", "feed.csv line 5"));
        assertThat(hub.product(a).stock()).containsExactly(Map.entry("acme", 7));
        assertThat(hub.product(b).stock()).containsExactly(Map.entry("acme", 4));
        assertThat(records(b)).singleElement().satisfies(r -> {
            assertThat(r.direction()).isEqualTo("in");
            assertThat(r.connection()).isEqualTo("acme");
            assertThat(r.field()).isEqualTo("stock[acme]");
            assertThat(r.oldValue()).isNull();
            assertThat(r.newValue()).isEqualTo("4");
            assertThat(r.reason()).isEqualTo("feed.csv line 6");
        });
    }

    @Test
    void unchangedValuesWriteNoSyncRecord() {
        String sku = product("U");
        hub.applyStock("acme", List.of(StockChange.set(sku, "acme", 5, "first")));
        BatchResult again = hub.applyStock("acme", List.of(StockChange.set(sku, "acme", 5, "second")));

        assertThat(again.changed()).isZero();
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(records(sku)).extracting(SyncRecord::reason).containsExactly("first");
    }

    @Test
    void aSkuTwiceInOneBatchIsFoldedInOrder() {
        String sku = product("D");
        hub.applyStock("acme", List.of(StockChange.set(sku, "acme", 5, "line 1"), StockChange.set(sku, "acme", 8, "line 9"),
                StockChange.adjust(sku, "acme", -2, "order 1")));

        assertThat(hub.product(sku).stock()).containsEntry("acme", 6);
        assertThat(records(sku)).extracting(SyncRecord::oldValue, SyncRecord::newValue).containsExactly(
                org.assertj.core.groups.Tuple.tuple("8", "6"),
                org.assertj.core.groups.Tuple.tuple("5", "8"),
                org.assertj.core.groups.Tuple.tuple(null, "5"));
    }

    @Test
    void pricesAreStoredExactlyAndRecordedReadably() {
        String sku = product("P");
        hub.applyPrices("acme", List.of(new PriceChange(sku, "retail-pln", new BigDecimal("12.5"), "feed line 2"),
                new PriceChange(sku, "b2b-eur", new BigDecimal("-1"), "feed line 3"),
                new PriceChange(sku, "nope", new BigDecimal("1"), "feed line 4")));
        hub.applyPrices("acme", List.of(new PriceChange(sku, "retail-pln", new BigDecimal("12.50"), "same value")));

        assertThat(hub.product(sku).prices()).containsExactly(Map.entry("retail-pln", "12.50"));
        assertThat(records(sku)).singleElement().satisfies(r -> {
            assertThat(r.field()).isEqualTo("price[retail-pln]");
            assertThat(r.newValue()).isEqualTo("12.50");
        });
    }

    @Test
    void singleChangesRefuseWithTheReason() {
        String sku = product("S");
        assertThatThrownBy(() -> hub.setStock(null, StockChange.set("NOPE", "main", 1, "api")))
                .isInstanceOf(HubException.class).hasMessage("unknown SKU 'NOPE'");
        assertThatThrownBy(() -> hub.setStock(null, StockChange.adjust(sku, "main", -1, "api")))
                .isInstanceOf(HubException.class).hasMessageContaining("would become negative");
        assertThat(hub.product(sku).stock()).isEmpty();
        assertThat(records(sku)).isEmpty();
    }

    @Test
    void aChangeOfALinkedProductIsDueForItsInferiorShopsOnly() {
        String linked = product("L");
        String unlinked = product("N");
        hub.link(linked, new Link("woo-main", "woo-" + linked, linked, "sku"));
        hub.link(linked, new Link("acme", "acme-" + linked, linked, "sku"));   // acme is superior: never pushed to

        hub.applyStock("acme", List.of(StockChange.set(linked, "acme", 3, "feed"), StockChange.set(unlinked, "acme", 3, "feed")));
        hub.applyStock("acme", List.of(StockChange.set(linked, "acme", 4, "feed")));   // still one pending entry

        assertThat(outbox.pendingSkus("woo-main", OutboxStore.STOCK)).contains(linked).doesNotContain(unlinked)
                .filteredOn(linked::equals).hasSize(1);
        assertThat(outbox.pendingSkus("acme", OutboxStore.STOCK)).doesNotContain(linked);
    }

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProductStore products;

    @Test
    void stockAndPricesEnqueuedTogetherAreDueOnlyWhereTheShopIsInferiorForThatKind() {
        String sku = product("K");
        long id = products.idsBySku(List.of(sku)).get(sku);
        // a shop that takes stock from the hub but not prices; rolled back, so no other test sees it. Links as rows:
        // a link made through the hub enqueues the product at once (linkingAProductOneByOneQueuesItsValues…)
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            jdbc.update("INSERT INTO connection (id, type, name, stock_role, prices_role, products_role, orders_role, enabled) "
                    + "VALUES ('stock-only', 'shop', 'Stock only', 'inferior', 'superior', 'none', 'none', TRUE)");
            jdbc.update("INSERT INTO link (product_id, connection_id, external_id, matched_by, created_at) "
                    + "VALUES (?, 'stock-only', ?, 'sku', CURRENT_TIMESTAMP)", id, "so-" + sku);
            jdbc.update("INSERT INTO link (product_id, connection_id, external_id, matched_by, created_at) "
                    + "VALUES (?, 'woo-main', ?, 'sku', CURRENT_TIMESTAMP)", id, "woo-" + sku);

            int first = outbox.enqueue(Map.of(OutboxStore.STOCK, List.of(id), OutboxStore.PRICE, List.of(id)),
                    Instant.now());
            int again = outbox.enqueue(Map.of(OutboxStore.STOCK, List.of(id), OutboxStore.PRICE, List.of(id)),
                    Instant.now());

            assertThat(first).as("woo-main stock and price, stock-only stock").isEqualTo(3);
            assertThat(again).as("already pending").isZero();
            assertThat(outbox.pendingSkus("stock-only", OutboxStore.STOCK)).containsExactly(sku);
            assertThat(outbox.pendingSkus("stock-only", OutboxStore.PRICE)).isEmpty();
            assertThat(outbox.pendingSkus("woo-main", OutboxStore.PRICE)).contains(sku);
            tx.setRollbackOnly();
        });
    }

    @Test
    void concurrentAdjustmentsOfOneSkuLoseNothing() throws Exception {
        String sku = product("C");
        int perThread = 150;
        runTwice(() -> {
            for (int i = 0; i < perThread; i++) {
                hub.applyStock("acme", List.of(StockChange.adjust(sku, "main", 1, Thread.currentThread().getName())));
            }
            return null;
        });

        assertThat(hub.product(sku).stock()).containsEntry("main", 2 * perThread);
        List<SyncRecord> records = records(sku);
        assertThat(records).hasSize(2 * perThread);
        assertChained(records);
    }

    @Test
    void concurrentAbsoluteSetsOfOneSkuKeepAConsistentHistory() throws Exception {
        String sku = product("C");
        runTwice(() -> {
            int base = Thread.currentThread().getName().hashCode() & 0xffff;
            for (int i = 0; i < 100; i++) {
                hub.applyStock("acme", List.of(StockChange.set(sku, "main", base + i, "set")));
            }
            return null;
        });

        List<SyncRecord> records = records(sku);
        assertChained(records);
        assertThat(hub.product(sku).stock().get("main")).hasToString(records.get(0).newValue());
    }

    /** Newest first: every record's old value is the previous record's new value, so no write was lost between them. */
    private static void assertChained(List<SyncRecord> newestFirst) {
        for (int i = 0; i < newestFirst.size() - 1; i++) {
            assertThat(newestFirst.get(i).oldValue()).as("record %d", i).isEqualTo(newestFirst.get(i + 1).newValue());
        }
        assertThat(newestFirst.get(newestFirst.size() - 1).oldValue()).isNull();
    }

    private static void runTwice(Callable<Void> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Void>> done = new ArrayList<>();
            done.add(pool.submit(work));
            done.add(pool.submit(work));
            for (Future<Void> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
