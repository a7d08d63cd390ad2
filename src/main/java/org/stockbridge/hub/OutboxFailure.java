package org.stockbridge.hub;

import java.time.Instant;

/** An outbox entry the shop refused (or that ran out of attempts), as operators see it in {@code GET /api/failures}. */
public record OutboxFailure(long id, String connection, String sku, String kind, int attempts, String lastError,
        Instant createdAt) {
}
