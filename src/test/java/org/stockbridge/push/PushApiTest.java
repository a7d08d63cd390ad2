package org.stockbridge.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.stockbridge.HubTest;
import org.stockbridge.Skus;
import org.stockbridge.hub.HubService;
import org.stockbridge.hub.Link;
import org.stockbridge.hub.LinkStore;
import org.stockbridge.hub.OutboxEntry;
import org.stockbridge.hub.OutboxStore;
import org.stockbridge.hub.ProductData;
import org.stockbridge.hub.ProductStore;
import org.stockbridge.hub.StockChange;

/**
 * The outbox as hub-to-shop uses it, on a shop without a format (so no route drains it and the test drives every
 * step): claims are exclusive, "sync now" queues every linked product.
 */
@HubTest
@TestPropertySource(properties = {"stockbridge.connections.woo-claims.type=shop",
        "stockbridge.connections.woo-claims.stock=inferior", "stockbridge.connections.woo-claims.warehouse=main",
        "stockbridge.connections.woo-order.type=shop", "stockbridge.connections.woo-order.stock=inferior",
        "stockbridge.connections.woo-order.warehouse=main"})
class PushApiTest {

    private static final Duration LEASE = Duration.ofMinutes(5);

    @Autowired
    HubService hub;

    @Autowired
    OutboxStore outbox;

    @Autowired
    LinkStore links;

    @Autowired
    ProductStore products;

    @Autowired
    TestRestTemplate http;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void anEntryIsClaimedByOneDrainOnlyUntilItsLeaseRunsOut() {
        String sku = linkedProduct();
        hub.setStock(null, StockChange.set(sku, "main", 3, "test"));
        Instant now = Instant.now().plusSeconds(1);

        List<OutboxEntry> first = mine(outbox.claim("woo-claims", 100_000, now, LEASE), sku);
        assertThat(first).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(OutboxStore.STOCK);
            assertThat(e.forced()).isFalse();
        });
        assertThat(mine(outbox.claim("woo-claims", 100_000, now, LEASE), sku)).as("claimed already").isEmpty();
        assertThat(mine(outbox.claim("woo-claims", 100_000, now.plus(LEASE).plusSeconds(1), LEASE), sku))
                .as("the first drain died: its lease ran out").extracting(OutboxEntry::id).containsExactly(first.get(0).id());
    }

    /**
     * A change committed while a drain claims the entry it found pending must still reach the shop: either the
     * claim waits for the change's commit (and the drain then reads the new value), or a new entry stays due. A
     * drain claims, then reads the values (the order of {@link OutboxDrain}); here the claim runs while the change's
     * transaction is still open, which holds the pending entry it counted on.
     */
    @Test
    void aChangeCommittedWhileADrainClaimsItsPendingEntryIsNotLost() throws Exception {
        String sku = linkedProduct();
        hub.setStock(null, StockChange.set(sku, "main", 5, "test"));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch commit = new CountDownLatch(1);
            Future<?> change = changeHeldOpen(threads, sku, 7, commit);
            Future<List<OutboxEntry>> claim = threads.submit(() -> outbox.claim("woo-claims", 100_000,
                    Instant.now().plusSeconds(1), LEASE));

            List<OutboxEntry> claimed;
            int read;
            try {
                claimed = claim.get(1, TimeUnit.SECONDS);
                read = hub.product(sku).stock().get("main"); // the drain reads before the change commits
                commit.countDown();
                change.get(30, TimeUnit.SECONDS);
            } catch (TimeoutException waitingForTheChange) {
                commit.countDown();
                change.get(30, TimeUnit.SECONDS);
                claimed = claim.get(30, TimeUnit.SECONDS);
                read = hub.product(sku).stock().get("main");
            }
            outbox.done(claimed.get(0).claim(), mine(claimed, sku).stream().map(OutboxEntry::id).toList());

            assertThat(read == 7 || outbox.pendingSkus("woo-claims", OutboxStore.STOCK).contains(sku))
                    .as("the drain read %d and no entry is left for the 7", read).isTrue();
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * A drain whose lease ran out (its requests waited too long) while another drain took its entries over: its
     * late answer must not reset or delete entries the other drain holds. Were the entry reset to pending, a change
     * made then would count on it, and the other drain's "done" would delete it with the change unsent.
     */
    @Test
    void aDrainWhoseLeaseRanOutCannotSettleEntriesAnotherDrainTookOver() {
        Instant now = Instant.now().plusSeconds(1);
        OutboxEntry late = changedAndClaimed(now);
        String sku = late.sku();
        OutboxEntry current = mine(outbox.claim("woo-claims", 100_000, now.plus(LEASE).plusSeconds(1), LEASE), sku).get(0);
        assertThat(current.id()).isEqualTo(late.id());

        outbox.retryLater(late.claim(), List.of(late.id()), now, "the late drain's answer: 503");
        hub.setStock(null, StockChange.set(sku, "main", 7, "test"));
        outbox.done(current.claim(), List.of(current.id()));

        assertThat(outbox.pendingSkus("woo-claims", OutboxStore.STOCK)).as("the 7 is still due").contains(sku);
    }

    /**
     * A claim leaves the state of its entries alone (a heap-only update on PostgreSQL), so it must still tell the
     * entries in flight from the due ones: a change made while its item's entry is being sent gets an entry of its
     * own, which waits until the first is settled, so the shop never gets two values of one item at once.
     */
    @Test
    void aChangeWhileItsItemIsBeingSentWaitsForThatSendingToEnd() {
        Instant now = Instant.now().plusSeconds(1);
        OutboxEntry sending = claimedThenChangedAgain(now);

        assertThat(outbox.counts("woo-claims")).as("other tests' entries too")
                .hasEntrySatisfying("sending", n -> assertThat(n).isPositive())
                .hasEntrySatisfying("pending", n -> assertThat(n).isPositive());
        assertThat(nextOnceSent(sending.sku(), sending, now).id()).isGreaterThan(sending.id());
    }

    @Test
    void syncNowWhileAnItemIsBeingSentQueuesItsValueAfterThatSending() {
        Instant now = Instant.now().plusSeconds(1);
        OutboxEntry sending = changedAndClaimed(now);
        String sku = sending.sku();

        assertThat(http.postForEntity("/api/sync/run?connection=woo-claims", null, Map.class).getStatusCode().value())
                .isEqualTo(202);

        assertThat(nextOnceSent(sku, sending, now).forced()).isTrue();
    }

    /**
     * An entry put back while a later entry of its item waits is dropped: the later one sends the current value,
     * and two due entries of one item would let a claim take the later while the earlier is in flight.
     */
    @Test
    void anEntryPutBackGivesWayToALaterEntryOfItsItem() {
        Instant now = Instant.now().plusSeconds(1);
        OutboxEntry sending = claimedThenChangedAgain(now);
        String sku = sending.sku();

        outbox.retryLater(sending.claim(), List.of(sending.id()), now, "503 from the shop");

        assertThat(mine(outbox.claim("woo-claims", 100_000, now.plusSeconds(1), LEASE), sku))
                .singleElement().satisfies(later -> assertThat(later.id()).isGreaterThan(sending.id()));
    }

    /** Changes the product's stock in a transaction held open until {@code commit}; returns once the change ran. */
    private Future<?> changeHeldOpen(ExecutorService threads, String sku, int stock, CountDownLatch commit)
            throws InterruptedException {
        CountDownLatch changed = new CountDownLatch(1);
        Future<?> change = threads.submit(() -> transaction.executeWithoutResult(status -> {
            hub.setStock(null, StockChange.set(sku, "main", stock, "test"));
            changed.countDown();
            await(commit);
        }));
        assertThat(changed.await(30, TimeUnit.SECONDS)).as("the change ran").isTrue();
        return change;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void syncNowQueuesEveryLinkedProductToBeSentEvenIfUnchanged() {
        String sku = linkedProduct();

        ResponseEntity<Map> queued = http.postForEntity("/api/sync/run?connection=woo-claims", null, Map.class);

        assertThat(queued.getStatusCode().value()).isEqualTo(202);
        assertThat(outbox.pendingSkus("woo-claims", OutboxStore.STOCK)).contains(sku);
        assertThat(mine(outbox.claim("woo-claims", 100_000, Instant.now().plusSeconds(1), LEASE), sku))
                .singleElement().satisfies(e -> assertThat(e.forced()).isTrue());
        assertThat(http.postForEntity("/api/sync/run?connection=nowhere", null, String.class).getStatusCode().value())
                .isEqualTo(404);
        ResponseEntity<String> superior = http.postForEntity("/api/sync/run?connection=acme", null, String.class);
        assertThat(superior.getStatusCode().value()).isEqualTo(400);
        assertThat(superior.getBody()).contains("inferior for neither stock nor prices");
    }

    /**
     * A claim reads on from the last entry it took, so an entry whose change committed after a claim had read past
     * its id (two transactions commit in either order) lies behind it: a claim behind a backlog still reads the
     * shop's entries from the start now and then, and takes it before the backlog's later entries.
     */
    @Test
    void anEntryCommittedAfterAClaimReadPastItIsNotLeftBehindTheBacklog() throws Exception {
        String late = linkedProduct("woo-order");
        List<String> backlog = List.of(linkedProduct("woo-order"), linkedProduct("woo-order"), linkedProduct("woo-order"));
        Instant now = Instant.now().plusSeconds(1);
        ExecutorService threads = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch commit = new CountDownLatch(1);
            Future<?> change = changeHeldOpen(threads, late, 5, commit); // the lowest id, not yet committed
            backlog.forEach(sku -> hub.setStock(null, StockChange.set(sku, "main", 5, "test")));
            assertThat(outbox.claim("woo-order", 1, now, LEASE)).extracting(OutboxEntry::sku).containsExactly(backlog.get(0));
            commit.countDown();
            change.get(30, TimeUnit.SECONDS);

            assertThat(outbox.claim("woo-order", 1, now.plusSeconds(6), LEASE)).extracting(OutboxEntry::sku)
                    .as("taken before the backlog's later entries").containsExactly(late);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void linkingAProductOneByOneQueuesItsValuesForTheShop() {
        String sku = Skus.fresh("CLAIM");
        hub.saveProduct(sku, new ProductData(null, sku, Map.of()));
        hub.setStock(null, StockChange.set(sku, "main", 4, "test"));
        assertThat(outbox.pendingSkus("woo-claims", OutboxStore.STOCK)).as("not linked yet").doesNotContain(sku);

        hub.link(sku, new Link("woo-claims", sku, sku, "manual"));

        assertThat(outbox.pendingSkus("woo-claims", OutboxStore.STOCK)).contains(sku);
    }

    @Test
    void retryingATransferThatIsNotFailedIsNotFound() {
        assertThat(http.postForEntity("/api/failures/-1/retry", null, String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(http.postForEntity("/api/failures/retry", null, String.class).getStatusCode().value()).isEqualTo(202);
    }

    /**
     * While {@code sending} is in flight a claim takes no entry of its item; once it is done, the next claim takes
     * exactly one, which is returned.
     */
    private OutboxEntry nextOnceSent(String sku, OutboxEntry sending, Instant now) {
        assertThat(mine(outbox.claim("woo-claims", 100_000, now.plusSeconds(1), LEASE), sku))
                .as("the item is in flight").isEmpty();
        outbox.done(sending.claim(), List.of(sending.id()));
        List<OutboxEntry> next = mine(outbox.claim("woo-claims", 100_000, now.plusSeconds(2), LEASE), sku);
        assertThat(next).hasSize(1);
        return next.get(0);
    }

    /** {@link #changedAndClaimed}, then the stock changes again while the entry is claimed. */
    private OutboxEntry claimedThenChangedAgain(Instant now) {
        OutboxEntry sending = changedAndClaimed(now);
        hub.setStock(null, StockChange.set(sending.sku(), "main", 7, "test"));
        return sending;
    }

    /** A new linked product's stock changes and a drain claims its entry at {@code now}. */
    private OutboxEntry changedAndClaimed(Instant now) {
        String sku = linkedProduct();
        hub.setStock(null, StockChange.set(sku, "main", 5, "test"));
        return mine(outbox.claim("woo-claims", 100_000, now, LEASE), sku).get(0);
    }

    private String linkedProduct() {
        return linkedProduct("woo-claims");
    }

    /** Linked by the link store, as a fixture: a link through the hub queues the product at once (tested above). */
    private String linkedProduct(String connection) {
        String sku = Skus.fresh("CLAIM");
        hub.saveProduct(sku, new ProductData(null, sku, Map.of()));
        links.add(products.find(sku).orElseThrow().id(), new Link(connection, sku, sku, "manual"), Instant.now());
        return sku;
    }

    /** On PostgreSQL the outbox holds other runs' entries too. */
    private static List<OutboxEntry> mine(List<OutboxEntry> claimed, String sku) {
        return claimed.stream().filter(e -> e.sku().equals(sku)).toList();
    }
}
