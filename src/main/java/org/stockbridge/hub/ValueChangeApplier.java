package org.stockbridge.hub;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Component;

/**
 * Applies one batch of stock and/or price changes inside the caller's transaction.
 * <p>
 * Two phases, so that a feed repeating what the hub already holds costs one read and no write:
 * <ol>
 * <li>the current values are read <em>without</em> locks and the changes folded over them in order (a SKU may
 * occur twice in one feed); a product none of whose values would change is left alone. Skipping it on a value
 * read a moment ago is safe: the batch then simply took effect before any concurrent writer of that product.</li>
 * <li>the products whose values would change are locked in id order in one statement (all kinds of the batch at
 * once), their values read again under the lock and the changes folded again, so every sync record's old → new
 * is the value this transaction replaced, and writers of one SKU record their changes in the order they made them.
 * Then the changed values, one sync record per change and the outbox entries are written, each as one JDBC
 * batch (the outbox entries of all kinds together, their links read once).</li>
 * </ol>
 * A feed that compared its rows with the hub's values already ({@link LinkedValues}) sends only rows that may
 * change something; for those the first phase would be a wasted read, so it locks every named product at once.
 */
@Component
class ValueChangeApplier {

    /** One kind of change within a batch: the changes, the table they go to, and how they fold. */
    record Part<C, V>(List<C> changes, ValueTable<V> table, ValueChanges<C, V> kind) {
    }

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

    /** Applies changes of one kind, looking their SKUs up first. */
    <C, V> BatchResult apply(String connection, List<C> changes, ValueTable<V> table, ValueChanges<C, V> kind) {
        if (changes.isEmpty()) {
            return BatchResult.EMPTY;
        }
        Set<String> skus = new LinkedHashSet<>();
        changes.forEach(c -> skus.add(kind.sku(c)));
        return applyAll(connection, products.idsBySku(skus), List.of(new Part<>(changes, table, kind)), true).get(0);
    }

    /**
     * Applies every part of a batch with one product lock; {@code ids} holds the product id of every known SKU the
     * parts name (a SKU missing from it is reported unknown). Returns one result per part, in order.
     *
     * @param readFirst read the values without locks first and lock only the products whose values would change;
     *                  false when the caller compared the changes with the hub's values already, so most will
     *                  change: every named product is then locked at once and its values read only under the lock
     *                  (the outcome is the same; only the unlocked read is saved)
     */
    List<BatchResult> applyAll(String connection, Map<String, Long> ids, List<Part<?, ?>> parts, boolean readFirst) {
        Instant now = clock.instant();
        List<Folded<?>> optimistic = new ArrayList<>();
        Set<Long> changing = new HashSet<>();
        for (Part<?, ?> part : parts) {
            Folded<?> folded = fold(connection, ids, part, readFirst ? null : Map.of(), null, now);
            optimistic.add(folded);
            // without the read, every known product is locked: the fold under the lock decides what changes
            changing.addAll(readFirst ? folded.changedProducts : folded.products);
        }
        if (changing.isEmpty()) {
            return optimistic.stream().map(Folded::result).toList();
        }
        products.lock(new TreeSet<>(changing));
        now = clock.instant();
        List<BatchResult> results = new ArrayList<>();
        Map<String, Set<Long>> changedByKind = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            results.add(write(connection, ids, parts.get(i), optimistic.get(i), changing, now, changedByKind));
        }
        outbox.enqueue(changedByKind, now);
        return results;
    }

    /**
     * Under the lock: the locked products' changes folded again over their values read now (the values this
     * transaction replaces) and written; the other products' outcomes stay those of the unlocked fold.
     */
    private <C, V> BatchResult write(String connection, Map<String, Long> ids, Part<C, V> part, Folded<?> optimistic,
            Set<Long> locked, Instant now, Map<String, Set<Long>> changedByKind) {
        Folded<V> folded = fold(connection, ids, part, part.table().read(intersection(optimistic.products, locked)), locked, now);
        part.table().write(folded.written, folded.existing, now);
        syncRecords.write(folded.records);
        changedByKind.computeIfAbsent(part.kind().outboxKind(), k -> new LinkedHashSet<>()).addAll(folded.changedProducts);
        return optimistic.outside(locked).plus(folded.result());
    }

    private static Collection<Long> intersection(Set<Long> a, Set<Long> b) {
        List<Long> both = new ArrayList<>();
        a.forEach(id -> {
            if (b.contains(id)) {
                both.add(id);
            }
        });
        return both;
    }

    /**
     * The changes of one part folded over {@code existing}, or over a fresh unlocked read when it is null; only
     * the changes of products in {@code only}, when it is not null.
     */
    private static <C, V> Folded<V> fold(String connection, Map<String, Long> ids, Part<C, V> part,
            Map<ValueKey, V> existing, Set<Long> only, Instant now) {
        ValueChanges<C, V> kind = part.kind();
        List<C> changes = part.changes();
        long[] productOf = new long[changes.size()];
        Set<Long> known = new LinkedHashSet<>();
        for (int i = 0; i < changes.size(); i++) {
            Long id = ids.get(kind.sku(changes.get(i)));
            productOf[i] = id == null ? UNKNOWN : id;
            if (id != null && (only == null || only.contains(id))) {
                known.add(id);
            }
        }
        Folded<V> folded = new Folded<>(existing == null ? part.table().read(known) : existing, known, productOf);
        Map<String, Optional<String>> keyProblems = new HashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            C change = changes.get(i);
            long id = productOf[i];
            if (only != null && (id == UNKNOWN || !only.contains(id))) {
                continue;
            }
            String sku = kind.sku(change);
            Optional<String> keyProblem = keyProblems.computeIfAbsent(kind.key(change), k -> Optional.ofNullable(kind.keyProblem(k)));
            if (id == UNKNOWN) {
                folded.problem(i, new ChangeProblem(sku, "unknown SKU '" + sku + "'", kind.reason(change), HubException.Kind.NOT_FOUND));
                continue;
            }
            if (keyProblem.isPresent()) {
                folded.problem(i, new ChangeProblem(sku, keyProblem.get(), kind.reason(change), HubException.Kind.NOT_FOUND));
                continue;
            }
            ValueKey key = new ValueKey(id, kind.key(change));
            V old = folded.written.containsKey(key) ? folded.written.get(key) : folded.existing.get(key);
            V next;
            try {
                next = kind.next(change, old);
            } catch (IllegalArgumentException refused) {
                folded.problem(i, new ChangeProblem(sku, refused.getMessage(), kind.reason(change), HubException.Kind.INVALID));
                continue;
            }
            if (old != null && kind.same(old, next)) {
                folded.outcome[i] = UNCHANGED;
                continue;
            }
            folded.outcome[i] = CHANGED;
            folded.written.put(key, next);
            folded.changedProducts.add(id);
            folded.records.add(SyncRecord.received(connection, sku, kind.field(key.key()), old, next, kind.reason(change), now));
        }
        return folded;
    }

    private static final long UNKNOWN = -1;
    private static final byte SKIPPED = 0;
    private static final byte UNCHANGED = 1;
    private static final byte CHANGED = 2;
    private static final byte REFUSED = 3;

    /** What folding one part's changes over some values gave, with the outcome of each change. */
    private static final class Folded<V> {
        final Map<ValueKey, V> existing;
        final Set<Long> products;
        final long[] productOf;
        final byte[] outcome;
        final Map<ValueKey, V> written = new LinkedHashMap<>();
        final List<SyncRecord> records = new ArrayList<>();
        final Map<Integer, ChangeProblem> problems = new LinkedHashMap<>();
        final Set<Long> changedProducts = new LinkedHashSet<>();

        Folded(Map<ValueKey, V> existing, Set<Long> products, long[] productOf) {
            this.existing = existing;
            this.products = products;
            this.productOf = productOf;
            this.outcome = new byte[productOf.length];
        }

        void problem(int change, ChangeProblem problem) {
            outcome[change] = REFUSED;
            problems.put(change, problem);
        }

        BatchResult result() {
            return outside(Set.of());
        }

        /** The result of the changes whose product is not in {@code excluded} (unknown SKUs included). */
        BatchResult outside(Set<Long> excluded) {
            int changed = 0;
            int unchanged = 0;
            List<ChangeProblem> refused = new ArrayList<>();
            for (int i = 0; i < outcome.length; i++) {
                if (outcome[i] == SKIPPED || productOf[i] != UNKNOWN && excluded.contains(productOf[i])) {
                    continue;
                }
                switch (outcome[i]) {
                    case CHANGED -> changed++;
                    case UNCHANGED -> unchanged++;
                    default -> refused.add(problems.get(i));
                }
            }
            return new BatchResult(changed, unchanged, List.copyOf(refused));
        }
    }
}
