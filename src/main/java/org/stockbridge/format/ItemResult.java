package org.stockbridge.format;

/**
 * The result for one item of a request.
 *
 * @param reason why it failed or must be retried, in the shop's words where it gave any; null when ok
 */
public record ItemResult(ShopItem item, ItemOutcome outcome, String reason) {

    public static ItemResult ok(ShopItem item) {
        return new ItemResult(item, ItemOutcome.OK, null);
    }

    public static ItemResult failed(ShopItem item, String reason) {
        return new ItemResult(item, ItemOutcome.FAILED, reason);
    }

    public static ItemResult retryable(ShopItem item, String reason) {
        return new ItemResult(item, ItemOutcome.RETRYABLE, reason);
    }
}
