package org.stockbridge.hub;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Applies one batch of stock or price changes inside the caller's transaction: lock the products, read their
 * current values once, fold the changes in order (a SKU may occur twice in one feed), then write the changed
 * values, one sync record per change, and the outbox entries, each as one JDBC batch.
 */
@Component
class ValueChangeApplier {

    private final ProductStore products;
    private final SyncRecordStore syncRecords;
    private final OutboxStore outbox;
    private final Clock clock;

    ValueChangeApplier(ProductStore products, SyncRecordStore syncRecords, OutboxStore outbox, Clock clock) {
        this.products = products;
        this.syncRecords = syncRecords;
        this.outbox = outbox;
        this.clock = clock;
    }

    <C, V> BatchResult apply(String connection, List<C> changes, ValueTable<V> table, ValueChanges<C, V> kind) {
        if (changes.isEmpty()) {
            return BatchResult.EMPTY;
        }
        Set<String> skus = new LinkedHashSet<>();
        changes.forEach(c -> skus.add(kind.sku(c)));
        Map<String, Long> ids = products.lockIds(skus);
        // after the lock: writers of one SKU then record their changes in the order they made them
        Instant now = clock.instant();
        Map<ValueKey, V> existing = table.read(ids.values());

        Map<ValueKey, V> written = new LinkedHashMap<>();
        Map<String, Optional<String>> keyProblems = new HashMap<>();
        List<SyncRecord> records = new ArrayList<>();
        List<ChangeProblem> problems = new ArrayList<>();
        Set<Long> changedProducts = new LinkedHashSet<>();
        int unchanged = 0;
        for (C change : changes) {
            String sku = kind.sku(change);
            Long id = ids.get(sku);
            Optional<String> keyProblem = keyProblems.computeIfAbsent(kind.key(change), k -> Optional.ofNullable(kind.keyProblem(k)));
            if (id == null) {
                problems.add(new ChangeProblem(sku, "unknown SKU '" + sku + "'", kind.reason(change), HubException.Kind.NOT_FOUND));
                continue;
            }
            if (keyProblem.isPresent()) {
                problems.add(new ChangeProblem(sku, keyProblem.get(), kind.reason(change), HubException.Kind.NOT_FOUND));
                continue;
            }
            ValueKey key = new ValueKey(id, kind.key(change));
            V old = written.containsKey(key) ? written.get(key) : existing.get(key);
            V next;
            try {
                next = kind.next(change, old);
            } catch (IllegalArgumentException refused) {
                problems.add(new ChangeProblem(sku, refused.getMessage(), kind.reason(change), HubException.Kind.INVALID));
                continue;
            }
            if (old != null && kind.same(old, next)) {
                unchanged++;
                continue;
            }
            written.put(key, next);
            changedProducts.add(id);
            records.add(SyncRecord.received(connection, sku, kind.field(key.key()), old, next, kind.reason(change), now));
        }
        table.write(written, existing, now);
        syncRecords.write(records);
        outbox.enqueue(changedProducts, kind.outboxKind(), now);
        return new BatchResult(records.size(), unchanged, List.copyOf(problems));
    }
}
