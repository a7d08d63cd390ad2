package org.stockbridge.hub;

/**
 * One outbox entry a drain has claimed: a (connection, product, kind) whose value must be pushed.
 *
 * @param externalId the product's id in the connection (its link); null when the link was removed since
 * @param attempts   how many sends of this entry failed so that it was tried again
 * @param forced     "sync now": send even if the shop was last sent the same value
 * @param claim      the token of the claim that took it: only that claim may settle it ({@link OutboxStore#done})
 */
public record OutboxEntry(long id, long productId, String sku, String externalId, String kind, int attempts,
        boolean forced, String claim) {
}
