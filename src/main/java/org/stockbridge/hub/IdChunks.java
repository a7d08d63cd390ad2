package org.stockbridge.hub;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Outbox ids in chunks for {@code WHERE id IN (:ids)} statements whose rows a drain holds (claim, finish).
 * <p>
 * Why chunks: H2 re-checks every row it finds against the whole IN list, so one list of n ids costs n² comparisons
 * (2 000 ids: 200–400 ms per statement on the benchmark machine, against ~1.5 ms for 100); a drain sized to a fast
 * shop claims thousands. {@link KeyArray}'s {@code UNNEST} join is fast for SELECTs, but an UPDATE or DELETE
 * {@code WHERE id IN (SELECT … FROM UNNEST(…))} made H2 scan the whole table (seconds), and {@code MERGE … USING}
 * would change how the claim's conditional UPDATE behaves under concurrent drains on PostgreSQL. Chunks keep the
 * plain statements and their row-lock semantics on both databases.
 */
final class IdChunks {

    static final int SIZE = 100;

    private IdChunks() {
    }

    static List<List<Long>> of(Collection<Long> ids) {
        List<Long> all = List.copyOf(ids);
        List<List<Long>> chunks = new ArrayList<>((all.size() + SIZE - 1) / SIZE);
        for (int from = 0; from < all.size(); from += SIZE) {
            chunks.add(all.subList(from, Math.min(from + SIZE, all.size())));
        }
        return chunks;
    }
}
