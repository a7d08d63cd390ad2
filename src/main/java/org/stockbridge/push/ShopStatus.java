package org.stockbridge.push;

import java.util.Map;

/**
 * How one shop the hub sends to is doing, for operators ({@code GET /api/shops/{id}/status}).
 *
 * @param sender whether this instance sends to the shop ({@link ShopSenders}: with several instances on PostgreSQL
 *               one at a time does; always true on H2 or with {@code one-sender-per-shop} off)
 * @param outbox entries per state: pending (waiting to be sent), sending (claimed by a drain), failed (refused;
 *               see {@code GET /api/failures})
 */
public record ShopStatus(String connection, String format, boolean dryRun, boolean sender, ShopBreaker.Status breaker,
        Map<String, Integer> outbox) {
}
