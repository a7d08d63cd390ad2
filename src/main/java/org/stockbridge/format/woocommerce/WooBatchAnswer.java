package org.stockbridge.format.woocommerce;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.stockbridge.format.AnswerProblem;
import org.stockbridge.format.FormatJson;
import org.stockbridge.format.ItemResult;
import org.stockbridge.format.ItemResults;
import org.stockbridge.format.ShopAnswer;
import org.stockbridge.format.ShopItem;
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
        Listed updated = list(request, answer, "update");
        if (updated.whole() != null) {
            return updated.whole();
        }
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode object : updated.list()) {
            String id = WooIds.key(object);
            if (id != null) {
                byId.put(id, object);
            }
        }
        return ItemResults.of(request, item -> {
            JsonNode object = byId.get(WooIds.key(WooIds.own(item.externalId())));
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

    /**
     * Reads the answer to a {@code create} batch. WooCommerce answers {@code create[]} in request order: the product
     * as saved (with its new {@code id}), or {@code {"id": 0, "error": {…}}} for one it refused — so items are
     * matched by position, and a saved product whose SKU is not the item's means the answer cannot be trusted.
     */
    static ItemResults readCreated(ShopRequest request, ShopAnswer answer) {
        Listed created = list(request, answer, "create");
        if (created.whole() != null) {
            return created.whole();
        }
        List<ItemResult> results = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            results.add(created(request.items().get(i), created.list().get(i)));
        }
        return new ItemResults(results, Optional.empty());
    }

    /** The answer's per-object list {@code field}, or the results of every item when the answer has none. */
    private static Listed list(ShopRequest request, ShopAnswer answer, String field) {
        Optional<AnswerProblem> problem = AnswerProblem.ofStatus(answer);
        if (problem.isPresent()) {
            return new Listed(null, problem.get().toResults(request));
        }
        JsonNode list = FormatJson.read(answer.body()).map(root -> root.get(field)).orElse(null);
        if (list == null || !list.isArray()) {
            return new Listed(null, AnswerProblem.unreadable(answer, "no " + field + " list").toResults(request));
        }
        return new Listed(list, null);
    }

    /** Either the answer's list or the results of the whole request; exactly one is non-null. */
    private record Listed(JsonNode list, ItemResults whole) {
    }

    private static ItemResult created(ShopItem item, JsonNode object) {
        if (object == null) {
            return ItemResult.retryable(item, "SKU " + item.sku() + " is missing from WooCommerce's answer; "
                    + "it may have been created: match links by SKU before exporting it again");
        }
        JsonNode error = object.get("error");
        if (error != null && !error.isNull()) {
            return ItemResult.failed(item, reason(error));
        }
        String id = WooIds.key(object);
        String sku = FormatJson.text(object, "sku");
        if (id == null || id.equals("0") || (sku != null && !sku.equals(item.sku()))) {
            return ItemResult.retryable(item, "WooCommerce's answer for SKU " + item.sku() + " names "
                    + (id == null ? "no product id" : "product " + id + " with SKU " + sku)
                    + "; match links by SKU before exporting it again");
        }
        return ItemResult.ok(new ShopItem(item.sku(), id));
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
