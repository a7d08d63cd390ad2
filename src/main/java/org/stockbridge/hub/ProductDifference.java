package org.stockbridge.hub;

import java.time.Instant;

/** Product data a connection reports differently from the hub, waiting for an operator (manual product master). */
public record ProductDifference(long id, String connection, String sku, String field, String hubValue,
        String connectionValue, String origin, Instant noticedAt, String state) {
}
