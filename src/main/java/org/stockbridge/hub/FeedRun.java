package org.stockbridge.hub;

import java.time.Instant;

/** One feed file the hub processed or refused, with what it did. */
public record FeedRun(
        long id,
        String connection,
        String mapping,
        String fileName,
        String feedType,
        Instant startedAt,
        Instant finishedAt,
        long rows,
        long badRows,
        long unknownKeys,
        long created,
        long changed,
        long zeroed,
        String outcome,
        String detail) {
}
