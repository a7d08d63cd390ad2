package org.stockbridge.push;

import java.util.List;

/**
 * A value one shop item is to be sent, with what the sync record and the outbox need once the shop answered.
 *
 * @param entryIds the outbox entries it settles (normally one)
 * @param oldValue what the shop was last sent; null if never
 * @param reason   why this value: the sync rule's explanation or the price group
 * @param attempts failed sends so far
 */
record PlannedValue(List<Long> entryIds, long productId, String sku, String kind, String oldValue, String newValue,
        String reason, Long ruleId, int attempts) {
}
