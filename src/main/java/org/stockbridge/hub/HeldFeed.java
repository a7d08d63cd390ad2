package org.stockbridge.hub;

import java.time.Instant;

/** A full feed the guard held because it had far fewer rows than the previous one; waits for an operator. */
public record HeldFeed(
        long id,
        String connection,
        String mapping,
        String fileName,
        String fileKey,
        String stagedPath,
        long rows,
        long previousRows,
        String reason,
        Instant heldAt,
        String state) {

    public static final String HELD = "held";
    public static final String RELEASED = "released";
    public static final String DISCARDED = "discarded";
}
