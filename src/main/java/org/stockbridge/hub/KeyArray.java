package org.stockbridge.hub;

import java.util.Collection;

import org.springframework.jdbc.support.SqlArrayValue;

/**
 * A batch's keys as one array parameter, for {@code FROM UNNEST(:keys) k(v) JOIN table t ON t.column = k.v}.
 * <p>
 * Why not {@code column IN (:keys)}: one statement shape for any batch size (no chunks, no plan per list length,
 * no 65535-parameter limit on PostgreSQL), and on H2 an IN list of n values costs n index lookups plus, for every
 * row found, a linear re-check of the list (n² comparisons: ~50 ms per 1000 keys); the join does n lookups only
 * (~3 ms). PostgreSQL plans the join as a nested loop over the index as well.
 */
final class KeyArray {

    private KeyArray() {
    }

    static SqlArrayValue ofStrings(Collection<String> keys) {
        return new SqlArrayValue("varchar", keys.toArray());
    }

    static SqlArrayValue ofIds(Collection<Long> ids) {
        return new SqlArrayValue("bigint", ids.toArray());
    }
}
