package org.stockbridge.push;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.stockbridge.format.ItemResult;
import org.stockbridge.format.ItemResults;
import org.stockbridge.format.ShopRequest;
import org.stockbridge.hub.OutboxStore;
import org.stockbridge.hub.ShopValueStore;
import org.stockbridge.hub.SyncRecord;
import org.stockbridge.hub.SyncRecordStore;

/**
 * Records the shop's answer to one request, in one transaction and set-wise ({@link SettledItems}): ok → the
 * shop value is what was sent and the outbox entry is done; failed → the entry waits for an operator ({@code GET /api/failures});
 * retryable → the entry is due again after a backoff, until it runs out of attempts. Every item gets a sync record
 * ({@code out}) naming the request, so an operator can follow a value from the hub change to the shop's answer.
 */
@Component
public class PushResults {

    public static final String OK = "ok";
    public static final String FAILED = "failed";
    public static final String RETRIED = "retried";
    public static final String DRY_RUN = "dry-run";

    private static final Logger LOG = LoggerFactory.getLogger(PushResults.class);

    private final OutboxStore outbox;
    private final ShopValueStore shopValues;
    private final SyncRecordStore syncRecords;
    private final RetryDelay retryDelay;
    private final int maxAttempts;
    private final Clock clock;
    private final DrainTurns turns;
    private final TransactionTemplate transaction;

    PushResults(OutboxStore outbox, ShopValueStore shopValues, SyncRecordStore syncRecords, PushProperties settings,
            Clock clock, DrainTurns turns, PlatformTransactionManager transactions) {
        this.turns = turns;
        this.transaction = new TransactionTemplate(transactions);
        this.outbox = outbox;
        this.shopValues = shopValues;
        this.syncRecords = syncRecords;
        this.retryDelay = new RetryDelay(settings.retryInitialDelay(), settings.retryMaxDelay());
        this.maxAttempts = settings.maxAttempts();
        this.clock = clock;
    }

    /** The shop's per-item results; {@code dryRun}: the request was written to a file and counts as taken. */
    public void record(PushPlan plan, ShopRequest request, ItemResults results, boolean dryRun) {
        // the turn first, then the transaction: waiting for a turn must not hold a connection
        turns.take(() -> transaction.execute(status -> {
            recordNow(plan, request, results, dryRun);
            return null;
        }));
    }

    private void recordNow(PushPlan plan, ShopRequest request, ItemResults results, boolean dryRun) {
        Instant now = clock.instant();
        String shop = plan.shop().id();
        SettledItems settled = new SettledItems();
        List<SyncRecord> records = new ArrayList<>();
        for (ItemResult result : results.results()) {
            PlannedValue value = plan.plannedFor(request, result.item());
            String outcome = switch (result.outcome()) {
                case OK -> {
                    settled.ok(value);
                    yield dryRun ? DRY_RUN : OK;
                }
                case FAILED -> {
                    settled.failed(value, result.reason());
                    yield FAILED;
                }
                case RETRYABLE -> retry(settled, value, result.reason(), results.retryAfter(), now);
            };
            records.add(new SyncRecord(0, now, SyncRecord.OUT, shop, value.sku(), value.kind(), value.oldValue(),
                    value.newValue(), result.reason() == null ? value.reason() : value.reason() + "; shop: " + result.reason(),
                    outcome, request.id(), value.ruleId()));
        }
        settled.write(shop, plan.claim(), outbox, shopValues, now);
        syncRecords.write(records);
        if (!results.allOk()) {
            LOG.warn("{}: request {} ({} {}): {} ok, {} failed, {} to retry; first problem: {}", shop, request.id(),
                    request.operation(), request.path(), results.ok().size(), results.failed().size(),
                    results.retryable().size(), results.results().stream().map(ItemResult::reason)
                            .filter(reason -> reason != null).findFirst().orElse(""));
        }
    }

    /** A request that was not sent (its shop is paused): its entries are due again, no attempt counted. */
    public void release(PushPlan plan, ShopRequest request) {
        List<Long> ids = request.items().stream().flatMap(item -> plan.plannedFor(request, item).entryIds().stream())
                .toList();
        turns.take(() -> {
            outbox.release(plan.claim(), ids, clock.instant());
            return null;
        });
    }

    private String retry(SettledItems settled, PlannedValue value, String reason, Optional<Duration> retryAfter,
            Instant now) {
        int attempts = value.attempts() + 1;
        if (attempts >= maxAttempts) {
            settled.failed(value, "gave up after " + attempts + " attempts: " + reason);
            return FAILED;
        }
        settled.retryAt(value, now.plus(retryDelay.after(attempts, retryAfter)), reason);
        return RETRIED;
    }
}
