package org.stockbridge.format.shopify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import org.stockbridge.format.AnswerProblem;
import org.stockbridge.format.FormatJson;
import org.stockbridge.format.ItemOutcome;
import org.stockbridge.format.ItemResult;
import org.stockbridge.format.ItemResults;
import org.stockbridge.format.ShopAnswer;
import org.stockbridge.format.ShopItem;
import org.stockbridge.format.ShopOperation;
import org.stockbridge.format.ShopRequest;

/**
 * Reads the answer to a stock or price mutation into one result per item.
 * <ul>
 *   <li>An item whose link is not a Shopify variant fails with that reason, whatever Shopify answered.</li>
 *   <li>A problem with the whole call (HTTP status, top-level {@code errors}, {@code THROTTLED}) applies to every
 *       other item: retryable or failed as {@link ShopifyEnvelope} decides, with the throttle's wait.</li>
 *   <li>{@code userErrors} whose {@code field} path names an element of the call's list
 *       ({@code ["input","quantities","3","quantity"]}, {@code ["variants","0","price"]}) fail that item with
 *       Shopify's code and message; one naming no element fails every item of the call.</li>
 *   <li>The items Shopify did not refuse are ok when the call was applied. {@code inventorySetQuantities} applies a call
 *       whole or not at all: with userErrors and no {@code inventoryAdjustmentGroup} nothing was saved, so the items
 *       it did not refuse are retryable and go again without the refused one. {@code productVariantsBulkUpdate} is
 *       sent with {@code allowPartialUpdates}, so its other items were saved.</li>
 * </ul>
 */
final class ShopifyMutationAnswer {

    private ShopifyMutationAnswer() {
    }

    static ItemResults read(ShopRequest request, ShopAnswer answer) {
        List<ShopItem> items = request.items();
        List<ShopItem> usable = items.stream().filter(item -> ShopifyPushes.unusable(item).isEmpty()).toList();
        if (usable.isEmpty()) {
            return ItemResults.of(request, item -> ItemResult.failed(item, ShopifyPushes.unusable(item).orElseThrow()));
        }
        ShopifyEnvelope.Outcome outcome = ShopifyEnvelope.read(answer);
        if (outcome.problem() != null) {
            return results(request, item -> problemResult(item, outcome.problem()), outcome.problem().retryAfter());
        }
        String mutation = request.operation() == ShopOperation.STOCK ? ShopifyStock.MUTATION : ShopifyPrices.MUTATION;
        JsonNode payload = outcome.data().get(mutation);
        if (payload == null || !payload.isObject()) {
            AnswerProblem unreadable = AnswerProblem.unreadable(answer, "no " + mutation + " in data");
            return results(request, item -> problemResult(item, unreadable), Optional.empty());
        }
        Map<Integer, String> refusedAt = new HashMap<>();
        List<String> refusedAll = new ArrayList<>();
        for (JsonNode error : payload.path("userErrors")) {
            Integer index = listIndex(error.path("field"));
            if (index == null || index >= usable.size()) {
                refusedAll.add(said(error));
            } else {
                refusedAt.merge(index, said(error), (a, b) -> a + "; " + b);
            }
        }
        boolean applied = request.operation() != ShopOperation.STOCK
                || payload.hasNonNull("inventoryAdjustmentGroup") || (refusedAt.isEmpty() && refusedAll.isEmpty());
        return results(request, item -> {
            int index = usable.indexOf(item);
            if (refusedAt.containsKey(index)) {
                return ItemResult.failed(item, refusedAt.get(index));
            }
            if (!refusedAll.isEmpty()) {
                return ItemResult.failed(item, String.join("; ", refusedAll));
            }
            return applied ? ItemResult.ok(item) : ItemResult.retryable(item,
                    "not saved: Shopify refused the call for another item of it (" + String.join("; ", refusedAt.values()) + ")");
        }, Optional.empty());
    }

    /** Unusable items fail with their own reason; the others get {@code result}. */
    private static ItemResults results(ShopRequest request, Function<ShopItem, ItemResult> result,
            Optional<Duration> retryAfter) {
        List<ItemResult> results = request.items().stream()
                .map(item -> ShopifyPushes.unusable(item).map(reason -> ItemResult.failed(item, reason))
                        .orElseGet(() -> result.apply(item)))
                .toList();
        return new ItemResults(results, retryAfter);
    }

    private static ItemResult problemResult(ShopItem item, AnswerProblem problem) {
        return new ItemResult(item, problem.retryable() ? ItemOutcome.RETRYABLE : ItemOutcome.FAILED, problem.reason());
    }

    /** The first number in a userError's field path: the element of the call's list it is about. */
    private static Integer listIndex(JsonNode field) {
        for (JsonNode part : field) {
            String text = part.asText();
            if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
                return Integer.valueOf(text);
            }
        }
        return null;
    }

    private static String said(JsonNode error) {
        String code = FormatJson.text(error, "code");
        String message = FormatJson.text(error, "message");
        return "Shopify " + (code == null ? "" : code + ": ") + (message == null ? "refused without a message" : message);
    }
}
