package org.stockbridge.hub;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox of pending pushes: one pending row per (inferior connection, product, kind). It is written in the
 * transaction that changed the hub, so a change can never be committed without its push being due.
 *
 * <p>States: {@code pending} (due at {@code next_attempt_at}) and {@code failed} (refused by the shop; an operator
 * retries it). A drain's claim leaves the state alone: it writes its token into {@code claim} and its lease's end into
 * {@code next_attempt_at}, so a claimed entry is pending with a claim, "sending" to operators ({@link #counts}), and
 * due again when the lease ran out. A done entry is deleted.
 * <p>
 * Why the claim does not move the state: every index of the outbox names the state, none names the claim or the
 * due time. An UPDATE that changes no indexed column is a heap-only (HOT) update on PostgreSQL when the page has
 * room (migration V17 leaves it), so a claim writes no index entries and leaves none for vacuum to remove. With
 * {@code state = 'sending'} each claimed entry wrote a new entry into every index; in a second push of the
 * benchmark the claim was the push's costliest statement (23 buffer reads a row) and autovacuum, cleaning those
 * indexes, used more of the database's CPU than the drains (docs/benchmarks.md).
 */
@Repository
public class OutboxStore {

    public static final String STOCK = "stock";
    public static final String PRICE = "price";

    private static final String ROLE_COLUMN_STOCK = "stock_role";
    private static final String ROLE_COLUMN_PRICE = "prices_role";
    /** Takes a chunk of candidates for one claim: only those still due, so of two drains only one wins an entry. */
    private static final String CLAIM = "UPDATE outbox o SET claim = :claim, next_attempt_at = :until "
            + "WHERE o.id IN (:ids) AND o.state = 'pending' AND o.next_attempt_at <= :now";
    /**
     * An entry put back (to be retried, or never sent) while a later entry of its item is pending is deleted: the
     * later one sends the item's current value. Kept, it could be claimed while the later one is in flight: only
     * an entry written while another of its item was claimed is checked for that ({@link #candidates}).
     */
    private static final String GIVES_WAY = " AND EXISTS (SELECT 1 FROM outbox n "
            + "WHERE n.connection_id = o.connection_id AND n.product_id = o.product_id AND n.kind = o.kind "
            + "AND n.state = 'pending' AND n.id > o.id)";
    /** How often a claim that found fewer due entries than it may take reads the shop's range from its start. */
    private static final Duration WHOLE_RANGE_WHEN_SHORT = Duration.ofSeconds(1);
    /** How often a claim behind a backlog does: an entry below the last claimed id waits at most this long. */
    private static final Duration WHOLE_RANGE_BEHIND_BACKLOG = Duration.ofSeconds(5);
    /** An entry no drain has claimed: one a change may count on, and one "sync now" may mark. */
    private static final String UNCLAIMED = "o.state = 'pending' AND o.claim IS NULL";

    private final NamedParameterJdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final HubDatabase database;
    /** Per connection, the highest id this instance's last claim took: the next claim reads on from there. */
    private final Map<String, Long> claimedUpTo = new ConcurrentHashMap<>();
    /** Per connection, when a claim last read the shop's due entries from the start of its range. */
    private final Map<String, Instant> wholeRangeRead = new ConcurrentHashMap<>();

    public OutboxStore(NamedParameterJdbcTemplate jdbc, ApplicationEventPublisher events, HubDatabase database) {
        this.jdbc = jdbc;
        this.database = database;
        this.events = events;
    }

    /**
     * Marks the changed products of each kind (stock, prices) as due for every enabled connection that is
     * inferior for that kind and linked to them, unless an entry is pending already. The products' links are read
     * in one query for all kinds.
     * <p>
     * Three steps rather than one INSERT … SELECT … NOT EXISTS: PostgreSQL planned that probe with the statistics
     * of a just-drained outbox and compared every new entry with every pending one of the shop (2–10 s for a batch
     * of 5 000 changed products). Reading each shop's pending entries within the batch's product id range costs at
     * worst one pass over that shop's pending entries, whatever the plan.
     */
    public int enqueue(Map<String, ? extends Collection<Long>> changedByKind, Instant now) {
        Map<String, Set<Long>> changed = new TreeMap<>();
        changedByKind.forEach((kind, products) -> {
            if (!products.isEmpty()) {
                changed.put(kind, new HashSet<>(products));
            }
        });
        if (changed.isEmpty()) {
            return 0;
        }
        List<String> kinds = List.copyOf(changed.keySet());
        Set<Long> all = new HashSet<>();
        changed.values().forEach(all::addAll);
        // connection → kind → products that connection is due for, in id order: the entries are written (and so
        // claimed and sent) in product order whatever order the database returned the links in
        Map<String, Map<String, Set<Long>>> due = new TreeMap<>();
        jdbc.query("SELECT l.connection_id, l.product_id, " + kinds.stream().map(k -> "c." + roleColumn(k))
                        .collect(Collectors.joining(", ")) + " FROM UNNEST(:ids) k(id) JOIN link l ON l.product_id = k.id "
                        + "JOIN connection c ON c.id = l.connection_id WHERE c.enabled = TRUE AND ("
                        + kinds.stream().map(k -> "c." + roleColumn(k) + " = 'inferior'").collect(Collectors.joining(" OR ")) + ")",
                new MapSqlParameterSource("ids", KeyArray.ofIds(all)), rs -> {
                    long product = rs.getLong(2);
                    for (int i = 0; i < kinds.size(); i++) {
                        if ("inferior".equals(rs.getString(3 + i)) && changed.get(kinds.get(i)).contains(product)) {
                            due.computeIfAbsent(rs.getString(1), c -> new TreeMap<>())
                                    .computeIfAbsent(kinds.get(i), k -> new TreeSet<>()).add(product);
                        }
                    }
                });
        LongSummaryStatistics range = all.stream().mapToLong(Long::longValue).summaryStatistics();
        List<Object[]> rows = new ArrayList<>();
        due.forEach((connection, byKind) -> {
            Set<String> sending = skipPending(connection, byKind, range);
            byKind.forEach((kind, products) -> products.forEach(product -> rows.add(
                    new Object[] {connection, product, kind, sending.contains(product + "/" + kind)})));
        });
        if (!rows.isEmpty()) {
            insert(rows, now);
        }
        announce(rows.size(), OutboxDue.ANY);
        return rows.size();
    }

    /**
     * Takes out of {@code byKind} the products whose entry is pending and unclaimed already, locks the pending
     * entries of the products until this transaction commits, and returns the items ({@code product/kind}) whose
     * entry a drain has claimed.
     * <p>
     * Without the lock a drain could claim an entry counted on and read the values before this change commits, send
     * the old value and delete the entry: the change would be lost (PushApiTest). Locked, the claim waits for the
     * commit and its drain reads the new value. An entry a drain claimed first (even one whose lease ran out: its
     * drain may still settle it) is not counted on: the change gets a new entry, which follows the claimed one (it
     * is not taken while that one is in flight, {@link #candidates}). One query per connection in id order, the
     * order claims lock in, so a claim and an enqueue never wait for each other in a circle.
     */
    private Set<String> skipPending(String connection, Map<String, Set<Long>> byKind, LongSummaryStatistics range) {
        Set<String> claimed = new HashSet<>();
        jdbc.query("SELECT product_id, kind, CASE WHEN claim IS NULL THEN TRUE ELSE FALSE END FROM outbox "
                        + "WHERE connection_id = :c AND state = 'pending' AND kind IN (:kinds) "
                        + "AND product_id BETWEEN :lowest AND :highest ORDER BY id FOR UPDATE",
                new MapSqlParameterSource("c", connection).addValue("kinds", List.copyOf(byKind.keySet()))
                        .addValue("lowest", range.getMin()).addValue("highest", range.getMax()), rs -> {
                    if (rs.getBoolean(3)) {
                        byKind.get(rs.getString(2)).remove(rs.getLong(1)); // counted on: no new entry
                    } else {
                        claimed.add(item(rs, 0));
                    }
                });
        return claimed;
    }

    /**
     * New entries pending from {@code now}, each {connection, product, kind, follows}; a COPY on PostgreSQL
     * ({@link CopyIn}).
     */
    private void insert(List<Object[]> rows, Instant now) {
        if (database.postgresql()) {
            CopyIn copy = new CopyIn("outbox", "connection_id, product_id, kind, state, created_at, attempts, next_attempt_at, follows");
            for (Object[] row : rows) {
                copy.value(row[0]).value(row[1]).value(row[2]).value("pending").value(now).value(0).value(now)
                        .value(row[3]).endRow();
            }
            jdbc.getJdbcTemplate().execute((ConnectionCallback<Long>) copy::send);
            return;
        }
        Timestamp at = Timestamp.from(now);
        jdbc.getJdbcTemplate().batchUpdate("INSERT INTO outbox (connection_id, product_id, kind, state, created_at, "
                + "attempts, next_attempt_at, follows) VALUES (?, ?, ?, 'pending', ?, 0, ?, ?)",
                rows.stream().map(row -> new Object[] {row[0], row[1], row[2], at, at, row[3]}).toList(),
                new int[] {Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.TIMESTAMP, Types.TIMESTAMP, Types.BOOLEAN});
    }

    /** Pending entries of one connection (used by operators and tests until hub-to-shop drains them). */
    public List<String> pendingSkus(String connection, String kind) {
        return jdbc.queryForList("SELECT p.sku FROM outbox o JOIN product p ON p.id = o.product_id "
                + "WHERE o.connection_id = :c AND o.kind = :k AND o.state = 'pending' ORDER BY p.sku",
                new MapSqlParameterSource("c", connection).addValue("k", kind), String.class);
    }

    /**
     * Every product linked to the connection becomes due for this kind, to be sent even if the shop was last sent
     * the same value ("sync now"); entries already pending are marked so too. Nothing for a connection that is
     * disabled or not inferior for the kind.
     */
    public int enqueueAllLinked(String connection, String kind, Instant now) {
        return enqueueForced(connection, kind, now, null);
    }

    /**
     * Like {@link #enqueueAllLinked} for some of the connection's linked products only: those whose values the
     * shop was found to show wrong (reconciliation). Products it is not linked to are left out.
     */
    public int enqueueForced(String connection, String kind, Instant now, Collection<Long> productIds) {
        var params = new MapSqlParameterSource("c", connection).addValue("kind", kind).addValue("now", Timestamp.from(now));
        if (productIds != null && productIds.isEmpty()) {
            return 0;
        }
        if (productIds != null) {
            // one page of the shop's product list at a time: a plain IN list
            params.addValue("ids", List.copyOf(productIds));
        }
        jdbc.update("UPDATE outbox o SET forced = TRUE WHERE o.connection_id = :c AND o.kind = :kind AND " + UNCLAIMED
                + (productIds == null ? "" : " AND o.product_id IN (:ids)"), params);
        int added = jdbc.update("INSERT INTO outbox (connection_id, product_id, kind, state, created_at, attempts, "
                + "next_attempt_at, forced, follows) SELECT l.connection_id, l.product_id, :kind, 'pending', :now, 0, :now, TRUE, "
                + "CASE WHEN EXISTS (SELECT 1 FROM outbox s WHERE s.connection_id = l.connection_id "
                + "AND s.product_id = l.product_id AND s.kind = :kind AND s.state = 'pending') THEN TRUE ELSE FALSE END "
                + "FROM link l JOIN connection c ON c.id = l.connection_id "
                + "WHERE l.connection_id = :c AND c.enabled = TRUE AND c." + roleColumn(kind) + " = 'inferior' "
                + (productIds == null ? "" : "AND l.product_id IN (:ids) ")
                + "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.connection_id = l.connection_id "
                + "AND o.product_id = l.product_id AND o.kind = :kind AND " + UNCLAIMED + ")", params);
        announce(added, new OutboxDue(connection));
        return added;
    }

    /**
     * Takes up to {@code limit} due entries of a connection for one drain, for {@code lease}: until then no other
     * drain (in this instance or another sharing the database) takes them; after it — the drain died — another may.
     * <p>
     * The claim is a conditional UPDATE of the candidates just read, portable between H2 and PostgreSQL: two drains may pick the same
     * candidates, but the row lock makes the second re-check {@code state} and {@code next_attempt_at} after the
     * first committed, and by then the lease has moved {@code next_attempt_at} into the future, so only one wins.
     * ({@code SELECT … FOR UPDATE SKIP LOCKED} would only spare the loser a short wait, and H2 lacks it.) An
     * entry whose (connection, product, kind) another drain is still sending is left for later, so one shop item
     * is never sent two values at once.
     */
    @Transactional // one commit per claim, not per chunk: on PostgreSQL each commit waits for the WAL on disk
    public List<OutboxEntry> claim(String connection, int limit, Instant now, Duration lease) {
        String claim = UUID.randomUUID().toString();
        var params = new MapSqlParameterSource("c", connection).addValue("claim", claim).addValue("limit", limit)
                .addValue("now", Timestamp.from(now)).addValue("until", Timestamp.from(now.plus(lease)));
        // Candidates first, then the conditional UPDATE of exactly those ids: as one statement (WHERE id IN (SELECT
        // ... FETCH FIRST)) H2 re-ran the subquery for every due row of every shop, so a drain slowed with the
        // outbox's size until it stalled (bench/push.sh).
        if (database.postgresql()) {
            // Every read of a claim goes by an index and stops when it has enough. With the statistics of an outbox
            // that swings between empty and hundreds of thousands of entries, PostgreSQL planned the due read as a
            // scan of the whole table and a sort, for every claim (docs/benchmarks.md).
            jdbc.getJdbcTemplate().execute("SET LOCAL enable_seqscan = off; SET LOCAL enable_bitmapscan = off");
        }
        List<Long> candidates = candidates(connection, params, limit, now);
        if (candidates.isEmpty()) {
            return List.of();
        }
        claimedUpTo.put(connection, candidates.get(candidates.size() - 1));
        List<OutboxEntry> claimed = new ArrayList<>();
        for (List<Long> ids : IdChunks.of(candidates)) {
            params.addValue("ids", ids);
            claimed.addAll(database.postgresql() ? claimReturning(params) : claimThenRead(params));
        }
        claimed.sort(Comparator.comparingLong(OutboxEntry::id));
        return claimed;
    }

    /**
     * PostgreSQL: a chunk claimed by an UPDATE that returns the rows it won, instead of an UPDATE and then a SELECT
     * of them (the claim was the push's costliest statement per row on PostgreSQL, docs/benchmarks.md). By primary
     * key, as an IN list: an {@code UPDATE … FROM UNNEST(ids)} was planned as a scan of every due entry of every
     * shop while the statistics were those of an empty outbox.
     */
    private List<OutboxEntry> claimReturning(MapSqlParameterSource params) {
        return jdbc.query(CLAIM + " RETURNING o.id, o.product_id, (SELECT p.sku FROM product p WHERE p.id = o.product_id), "
                + "(SELECT l.external_id FROM link l WHERE l.connection_id = o.connection_id AND l.product_id = o.product_id), "
                + "o.kind, o.attempts, o.forced, o.claim", params, OutboxStore::entry);
    }

    private List<OutboxEntry> claimThenRead(MapSqlParameterSource params) {
        if (jdbc.update(CLAIM, params) == 0) {
            return List.of();
        }
        // the chunk's rows this claim won: by id, the token tells them from those another drain took
        return jdbc.query("SELECT o.id, o.product_id, p.sku, l.external_id, o.kind, o.attempts, o.forced, o.claim "
                + "FROM outbox o JOIN product p ON p.id = o.product_id "
                + "LEFT JOIN link l ON l.connection_id = o.connection_id AND l.product_id = o.product_id "
                + "WHERE o.id IN (:ids) AND o.claim = :claim", params, OutboxStore::entry);
    }

    private static OutboxEntry entry(ResultSet rs, int row) throws SQLException {
        return new OutboxEntry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getInt(6), rs.getBoolean(7), rs.getString(8));
    }

    /**
     * The ids a claim tries to take, lowest first: due entries (unclaimed, or claimed by a drain whose lease ran
     * out), except for items another drain is still sending, so one shop item is never sent two values at once.
     * <p>
     * The due entries are one range read on {@code ix_outbox_connection_state_id}, asked in the index's order, which
     * H2 follows and stops after {@code fetch} rows (ordered by id alone, it sorted the shop's whole range for each
     * claim; migration V15); PostgreSQL plans by the table's statistics. An item can only be in flight with another
     * entry due if that entry was written while the first was claimed ({@link #skipPending}): such an entry
     * {@code follows}, and only for those is it asked whether their item is in flight ({@link #inFlight}). A read of
     * every claimed entry of the shop would need an index on the claim (a claim that writes an indexed column is no
     * heap-only update), or read the in-flight entries again with every claim (tried: the due read then cost more
     * than the heap-only claim saved, docs/benchmarks.md).
     * <p>
     * The read starts above the last id this instance claimed for the shop ({@code claimedBefore}): below it lie the
     * entries its drains are sending and, until vacuum removes them, the ones they settled, which every claim of a
     * backlog walked again. The shop's range is read from its start, for entries that are due below that id, at
     * most once a second when the claim is short of due entries and once every five seconds behind a backlog:
     * entries retried, put back or left by a drain whose lease ran out, and entries whose change committed after a
     * claim had read past their id (two changes' transactions commit in either order). Without the second's pause
     * a shop fed one change at a time walked its settled entries with every claim until vacuum removed them.
     */
    private List<Long> candidates(String connection, MapSqlParameterSource params, int limit, Instant now) {
        long claimedBefore = claimedUpTo.getOrDefault(connection, 0L);
        List<Long> candidates = dueAfter(params, limit, claimedBefore);
        Instant readWhole = wholeRangeRead.get(connection);
        Duration every = candidates.size() < limit ? WHOLE_RANGE_WHEN_SHORT : WHOLE_RANGE_BEHIND_BACKLOG;
        if (claimedBefore > 0 && (readWhole == null || now.isBefore(readWhole) || !now.isBefore(readWhole.plus(every)))) {
            wholeRangeRead.put(connection, now);
            // what fell due below: entries retried, put back, left by a drain whose lease ran out, or committed
            // after a claim had read past their id (the transactions of two changes commit in either order)
            TreeSet<Long> lowestFirst = new TreeSet<>(candidates);
            dueAfter(params, limit, 0L).stream().filter(id -> id <= claimedBefore).forEach(lowestFirst::add);
            candidates = lowestFirst.stream().limit(limit).toList();
        }
        return candidates;
    }

    /** Up to {@code limit} due ids above {@code after}, lowest first, leaving out items in flight. */
    private List<Long> dueAfter(MapSqlParameterSource params, int limit, long after) {
        params.addValue("fetch", limit).addValue("after", after);
        List<Long> candidates = new ArrayList<>();
        // a few more reads when in-flight items were left out, so a claim is full whenever enough is due
        for (int read = 0; read < 3 && candidates.size() < limit; read++) {
            TreeMap<Long, String> due = new TreeMap<>();
            Set<Long> followers = new TreeSet<>();
            jdbc.query(DUE, params, rs -> {
                due.put(rs.getLong(1), item(rs, 0));
                if (rs.getBoolean(4)) {
                    followers.add(rs.getLong(2));
                }
            });
            Set<String> inFlight = followers.isEmpty() ? Set.of() : inFlight(params, followers);
            due.forEach((id, item) -> {
                if (candidates.size() < limit && !inFlight.contains(item)) {
                    candidates.add(id);
                }
            });
            if (due.size() < limit) {
                break; // nothing more is due
            }
            params.addValue("after", due.lastKey());
        }
        return candidates;
    }

    /**
     * A connection's due entries after the id {@code :after}, the first {@code :fetch} in id order; the fourth
     * column says whether the entry follows one that was claimed when it was written.
     */
    static final String DUE = "SELECT id, product_id, kind, follows FROM outbox WHERE connection_id = :c "
            + "AND state = 'pending' AND next_attempt_at <= :now AND id > :after "
            + "ORDER BY connection_id, state, id FETCH FIRST :fetch ROWS ONLY";

    /**
     * Which items of these products another drain holds now: entries claimed with a lease that has not run out. By
     * the products' own entries ({@code ix_outbox_pair}), a chunk of products at a time.
     */
    private Set<String> inFlight(MapSqlParameterSource params, Collection<Long> products) {
        Set<String> inFlight = new HashSet<>();
        for (List<Long> chunk : IdChunks.of(products)) {
            jdbc.query("SELECT product_id, kind FROM outbox WHERE connection_id = :c AND product_id IN (:products) "
                    + "AND state = 'pending' AND claim IS NOT NULL AND next_attempt_at > :now",
                    new MapSqlParameterSource(params.getValues()).addValue("products", chunk), rs -> {
                        inFlight.add(item(rs, 0));
                    });
        }
        return inFlight;
    }

    private static String item(ResultSet rs, int row) throws SQLException {
        return rs.getLong("product_id") + "/" + rs.getString("kind");
    }

    /**
     * The entries' values reached the shop (or needed no sending): the entries are deleted. Their history is in
     * the sync records; kept, they would grow the outbox (and its indexes, which every change writes to) by one
     * row per value ever sent.
     * <p>
     * This and the other ends of a claim ({@link #failed}, {@link #retryLater}, {@link #release}) touch only the
     * entries {@code claim} still holds. A drain whose lease ran out before its answer came may find its entries
     * taken by another drain; deleting or resetting them then would undo that drain's work, and a change made
     * meanwhile, counting on the entry being due, would never be sent.
     */
    @Transactional // all chunks in one commit
    public void done(String claim, Collection<Long> ids) {
        finish(claim, ids, "DELETE FROM outbox", new MapSqlParameterSource());
    }

    /** The shop refused the value: kept for operators ({@link #failures}) until retried. */
    @Transactional // all chunks in one commit
    public void failed(String claim, Collection<Long> ids, String error) {
        finish(claim, ids, "UPDATE outbox SET state = 'failed', claim = NULL, attempts = attempts + 1, last_error = :error",
                new MapSqlParameterSource("error", clip(error)));
    }

    /** The shop could not take the value now: due again at {@code at}. */
    @Transactional // all chunks in one commit
    public void retryLater(String claim, Collection<Long> ids, Instant at, String error) {
        finish(claim, ids, "DELETE FROM outbox o", GIVES_WAY, new MapSqlParameterSource());
        finish(claim, ids, "UPDATE outbox SET state = 'pending', claim = NULL, attempts = attempts + 1, next_attempt_at = :at, "
                + "last_error = :error", new MapSqlParameterSource("error", clip(error)).addValue("at", Timestamp.from(at)));
    }

    /**
     * Claimed entries that were not sent (their shop is paused by its circuit breaker): due again at {@code at},
     * without counting an attempt, since the shop never saw them.
     */
    @Transactional // all chunks in one commit
    public void release(String claim, Collection<Long> ids, Instant at) {
        finish(claim, ids, "DELETE FROM outbox o", GIVES_WAY, new MapSqlParameterSource());
        finish(claim, ids, "UPDATE outbox SET state = 'pending', claim = NULL, next_attempt_at = :at",
                new MapSqlParameterSource("at", Timestamp.from(at)));
    }

    /** How many of the connection's entries are in each state that still needs something: pending, sending, failed. */
    public Map<String, Integer> counts(String connection) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List.of("pending", "sending", "failed").forEach(state -> counts.put(state, 0));
        // a claimed entry is pending with a claim: "sending" until its drain settles it or another takes it over
        jdbc.query("SELECT CASE WHEN claim IS NOT NULL AND state = 'pending' THEN 'sending' ELSE state END, COUNT(*) "
                + "FROM outbox WHERE connection_id = :c AND state IN ('pending', 'failed') "
                + "GROUP BY CASE WHEN claim IS NOT NULL AND state = 'pending' THEN 'sending' ELSE state END",
                new MapSqlParameterSource("c", connection),
                rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }

    public List<OutboxFailure> failures() {
        return jdbc.query("SELECT o.id, o.connection_id, p.sku, o.kind, o.attempts, o.last_error, o.created_at "
                + "FROM outbox o JOIN product p ON p.id = o.product_id WHERE o.state = 'failed' ORDER BY o.id",
                (rs, n) -> new OutboxFailure(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getInt(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant()));
    }

    /**
     * The connection's failed entries are due again now (reconciliation retries them); returns how many, counting
     * those a later pending entry of their item replaces.
     */
    @Transactional
    public int retryFailedOf(String connection, Instant now) {
        return retryFailed(" AND connection_id = :c", new MapSqlParameterSource("c", connection), now,
                new OutboxDue(connection));
    }

    /**
     * Failed entries (one, or all when {@code id} is null) are due again now; returns how many, counting those a
     * later pending entry of their item replaces.
     */
    @Transactional
    public int retryFailed(Long id, Instant now) {
        return retryFailed(id == null ? "" : " AND id = :id", new MapSqlParameterSource("id", id), now, OutboxDue.ANY);
    }

    /** The failed entries that also meet {@code condition} ({@code " AND …"}) are due again, or give way. */
    private int retryFailed(String condition, MapSqlParameterSource params, Instant now, OutboxDue due) {
        int replaced = jdbc.update("DELETE FROM outbox o WHERE state = 'failed'" + condition + GIVES_WAY, params);
        int retried = jdbc.update("UPDATE outbox SET state = 'pending', attempts = 0, next_attempt_at = :now "
                + "WHERE state = 'failed'" + condition, params.addValue("now", Timestamp.from(now)));
        announce(retried, due);
        return replaced + retried;
    }

    /** Tells this instance's drains that {@code count} entries became due now ({@link OutboxDue}). */
    private void announce(int count, OutboxDue due) {
        if (count > 0) {
            events.publishEvent(due);
        }
    }

    /**
     * Runs {@code statement} (an UPDATE or DELETE of the outbox, without its WHERE) for the entries among {@code ids}
     * that {@code claim} still holds, a chunk of ids at a time ({@link IdChunks}).
     */
    private void finish(String claim, Collection<Long> ids, String statement, MapSqlParameterSource params) {
        finish(claim, ids, statement, "", params);
    }

    /** {@link #finish} for the entries that also meet {@code condition} ({@code " AND …"}). */
    private void finish(String claim, Collection<Long> ids, String statement, String condition, MapSqlParameterSource params) {
        params.addValue("claim", claim);
        for (List<Long> chunk : IdChunks.of(ids)) {
            jdbc.update(statement + " WHERE id IN (:ids) AND claim = :claim" + condition, params.addValue("ids", chunk));
        }
    }

    private static String roleColumn(String kind) {
        return STOCK.equals(kind) ? ROLE_COLUMN_STOCK : ROLE_COLUMN_PRICE;
    }

    private static String clip(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
    }
}
