package org.stockbridge.format.generic;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.stockbridge.format.AnswerProblem;
import org.stockbridge.format.FormatJson;
import org.stockbridge.format.ItemOutcome;
import org.stockbridge.format.ItemResult;
import org.stockbridge.format.ItemResults;
import org.stockbridge.format.ShopAnswer;
import org.stockbridge.format.ShopItem;
import org.stockbridge.format.ShopRequest;

/**
 * A json mapping's answers. A non-2xx status decides for the whole request ({@link AnswerProblem}: 429 and 5xx
 * retryable, other statuses failed). A 2xx answer is ok for every item, unless the mapping names an error list
 * ({@code answer.errors}): each entry there fails the item its {@code itemField} names; an entry that names no item
 * of the request fails the whole request, since the hub cannot tell which values the shop took.
 */
final class JsonAnswers {

    private JsonAnswers() {
    }

    static ItemResults read(GenericMapping mapping, ShopRequest request, ShopAnswer answer) {
        Optional<AnswerProblem> problem = AnswerProblem.ofStatus(answer);
        if (problem.isPresent()) {
            return problem.get().toResults(request);
        }
        AnswerRule rule = mapping.answer();
        if (rule == null || answer.body().isBlank()) {
            return ItemResults.all(request, ItemOutcome.OK, null, Optional.empty());
        }
        Optional<JsonNode> body = FormatJson.read(answer.body());
        if (body.isEmpty()) {
            return AnswerProblem.unreadable(answer, "not JSON").toResults(request);
        }
        JsonNode errors = body.get().at(rule.errors());
        if (errors.isMissingNode() || errors.isNull()) {
            return ItemResults.all(request, ItemOutcome.OK, null, Optional.empty());
        }
        if (!errors.isArray()) {
            return AnswerProblem.unreadable(answer, rule.errors() + " is not a list").toResults(request);
        }
        Map<String, String> refused = new HashMap<>();
        for (JsonNode error : errors) {
            String key = error.isObject() ? FormatJson.text(error, rule.itemField()) : null;
            String reason = "shop error: " + reason(rule, error);
            if (key == null || !names(request.items(), rule, key)) {
                return AnswerProblem.refused(reason + " (names no item of the request)").toResults(request);
            }
            refused.merge(key, reason, (first, next) -> first + "; " + next);
        }
        return ItemResults.of(request, item -> {
            String reason = refused.get(key(rule, item));
            return reason == null ? ItemResult.ok(item) : ItemResult.failed(item, reason);
        });
    }

    private static boolean names(List<ShopItem> items, AnswerRule rule, String key) {
        return items.stream().anyMatch(item -> key.equals(key(rule, item)));
    }

    private static String key(AnswerRule rule, ShopItem item) {
        return rule.itemKey() == ItemValue.SKU ? item.sku() : item.externalId();
    }

    private static String reason(AnswerRule rule, JsonNode error) {
        String message = rule.message() == null || !error.isObject() ? null : FormatJson.text(error, rule.message());
        return message != null ? message : FormatJson.text(error);
    }
}
