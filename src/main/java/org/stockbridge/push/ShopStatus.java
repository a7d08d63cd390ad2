package org.stockbridge.push;

import java.util.Map;

/**
 * How one shop the hub sends to is doing, for operators ({@code GET /api/shops/{id}/status}).
 *
 * @param outbox entries per state: pending (waiting to be sent), sending (claimed by a drain), failed (refused;
 *               see {@code GET /api/failures})
 */
public record ShopStatus(String connection, String format, boolean dryRun, ShopBreaker.Status breaker,
        Map<String, Integer> outbox) {
}
