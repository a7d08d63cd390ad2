package org.stockbridge.format;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The per-item results of one request, one per item in the request's order, so the route can write a sync record
 * per item and put back only the failed and retryable ones.
 *
 * @param retryAfter how long the shop asked us to wait ({@code Retry-After}), when it did
 */
public record ItemResults(List<ItemResult> results, Optional<Duration> retryAfter) {

    public ItemResults {
        results = List.copyOf(results);
    }

    /** Each item of the request with the result {@code resultOf} gives it. */
    public static ItemResults of(ShopRequest request, Function<ShopItem, ItemResult> resultOf) {
        return new ItemResults(request.items().stream().map(resultOf).toList(), Optional.empty());
    }

    /** Every item of the request with the same outcome and reason, as when the whole request failed. */
    public static ItemResults all(ShopRequest request, ItemOutcome outcome, String reason, Optional<Duration> retryAfter) {
        return new ItemResults(request.items().stream().map(item -> new ItemResult(item, outcome, reason)).toList(),
                retryAfter);
    }

    public List<ItemResult> withOutcome(ItemOutcome outcome) {
        return results.stream().filter(result -> result.outcome() == outcome).toList();
    }

    public List<ItemResult> ok() {
        return withOutcome(ItemOutcome.OK);
    }

    public List<ItemResult> failed() {
        return withOutcome(ItemOutcome.FAILED);
    }

    public List<ItemResult> retryable() {
        return withOutcome(ItemOutcome.RETRYABLE);
    }

    public boolean allOk() {
        return results.stream().allMatch(result -> result.outcome() == ItemOutcome.OK);
    }
}
