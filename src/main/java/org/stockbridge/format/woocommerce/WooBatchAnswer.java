package org.stockbridge.format.woocommerce;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.stockbridge.format.AnswerProblem;
import org.stockbridge.format.FormatJson;
import org.stockbridge.format.ItemResult;
import org.stockbridge.format.ItemResults;
import org.stockbridge.format.ShopAnswer;
import org.stockbridge.format.ShopRequest;

/**
 * Reads the answer to a batch request. WooCommerce updates each object on its own and answers every one in
 * {@code update[]}: the product as saved, or {@code {"id": 11, "error": {"code", "message", "data"}}} for an
 * object it refused — so one bad id fails that item only and the rest of the batch stands.
 */
final class WooBatchAnswer {

    private WooBatchAnswer() {
    }

    static ItemResults read(ShopRequest request, ShopAnswer answer) {
        Optional<AnswerProblem> problem = AnswerProblem.ofStatus(answer);
        if (problem.isPresent()) {
            return problem.get().toResults(request);
        }
        JsonNode updated = FormatJson.read(answer.body()).map(root -> root.get("update")).orElse(null);
        if (updated == null || !updated.isArray()) {
            return AnswerProblem.unreadable(answer, "no update list").toResults(request);
        }
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode object : updated) {
            String id = WooIds.key(object);
            if (id != null) {
                byId.put(id, object);
            }
        }
        return ItemResults.of(request, item -> {
            JsonNode object = byId.get(WooIds.key(item.externalId()));
            if (object == null) {
                // Not answered at all: we cannot know whether it was saved; pushes are absolute, so send again.
                return ItemResult.retryable(item, "product " + item.externalId() + " is missing from WooCommerce's answer");
            }
            JsonNode error = object.get("error");
            if (error == null || error.isNull()) {
                return ItemResult.ok(item);
            }
            return ItemResult.failed(item, reason(error));
        });
    }

    private static String reason(JsonNode error) {
        String code = FormatJson.text(error, "code");
        String message = FormatJson.text(error, "message");
        if (code == null && message == null) {
            return "refused by WooCommerce without a reason";
        }
        return code == null ? message : message == null ? code : code + ": " + message;
    }
}
