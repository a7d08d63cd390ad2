package org.stockbridge.hub;

import java.time.Instant;

/** Filters of the sync record list; every field is optional. */
public record SyncRecordQuery(String sku, String connection, Instant since, Instant until, int limit) {
}
