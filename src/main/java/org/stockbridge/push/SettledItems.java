package org.stockbridge.push;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stockbridge.hub.OutboxStore;
import org.stockbridge.hub.ShopValueStore;

/**
 * The outbox and shop-value changes of one request's answer, gathered item by item and written set-wise: one
 * batch of shop values, one delete of the done entries, one update per distinct failure or retry (same reason,
 * same due time). Item by item, recording cost 2–3 statements per item and held back the rate a shop could be fed
 * at (docs/benchmarks.md, "Hub → shops push").
 */
final class SettledItems {

    private record Retry(Instant at, String reason) {
    }

    private final List<ShopValueStore.Shown> shown = new ArrayList<>();
    private final List<Long> done = new ArrayList<>();
    private final Map<String, List<Long>> failed = new LinkedHashMap<>();
    private final Map<Retry, List<Long>> retried = new LinkedHashMap<>();

    /** The shop took the value: it is what the shop shows now, and its entries are done. */
    void ok(PlannedValue value) {
        shown.add(new ShopValueStore.Shown(value.productId(), value.kind(), value.newValue()));
        done.addAll(value.entryIds());
    }

    /** The entries wait for an operator, with {@code error}. */
    void failed(PlannedValue value, String error) {
        failed.computeIfAbsent(error, e -> new ArrayList<>()).addAll(value.entryIds());
    }

    /** The entries are due again at {@code at}. */
    void retryAt(PlannedValue value, Instant at, String error) {
        retried.computeIfAbsent(new Retry(at, error), r -> new ArrayList<>()).addAll(value.entryIds());
    }

    void write(String shop, String claim, OutboxStore outbox, ShopValueStore shopValues, Instant now) {
        shopValues.saveAll(shop, shown, now);
        outbox.done(claim, done);
        failed.forEach((error, ids) -> outbox.failed(claim, ids, error));
        retried.forEach((retry, ids) -> outbox.retryLater(claim, ids, retry.at(), retry.reason()));
    }
}
