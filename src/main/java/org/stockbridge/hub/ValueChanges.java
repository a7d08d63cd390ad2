package org.stockbridge.hub;

/**
 * What differs between a stock change and a price change when a batch is applied: how to read the change,
 * which keys exist, how the new value follows from the old one, and how a value is named in the sync record.
 */
interface ValueChanges<C, V> {

    String sku(C change);

    String key(C change);

    String reason(C change);

    /** Null when the key (warehouse, price group) exists, else why the change is refused. */
    String keyProblem(String key);

    /** The value after the change; throws {@link IllegalArgumentException} with the reason when it is refused. */
    V next(C change, V current);

    boolean same(V a, V b);

    String field(String key);

    String outboxKind();
}
