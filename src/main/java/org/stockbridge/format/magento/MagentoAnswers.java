package org.stockbridge.format.magento;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.stockbridge.format.AnswerProblem;
import org.stockbridge.format.FormatJson;
import org.stockbridge.format.ItemResult;
import org.stockbridge.format.ItemResults;
import org.stockbridge.format.ShopAnswer;
import org.stockbridge.format.ShopItem;
import org.stockbridge.format.ShopRequest;

/** Magento's answers to the two bulk calls, item by item. */
final class MagentoAnswers {

    private MagentoAnswers() {
    }

    /**
     * base-prices saves every valid price and answers 200 with the refused ones; a refused price names its SKU
     * among the parameters (unknown SKU, unknown store). A SKU not named was saved. The one refusal that names no
     * SKU — a negative or missing price — cannot come from the hub, whose prices are never negative.
     */
    static ItemResults prices(ShopRequest request, ShopAnswer answer) {
        Optional<AnswerProblem> problem = AnswerProblem.ofStatus(answer);
        if (problem.isPresent()) {
            return problem.get().toResults(request);
        }
        JsonNode failed = FormatJson.read(answer.body()).orElse(null);
        if (failed == null || !failed.isArray()) {
            return AnswerProblem.unreadable(answer, "not a list of failed prices").toResults(request);
        }
        List<MagentoError> errors = new ArrayList<>();
        failed.forEach(entry -> errors.add(MagentoError.of(entry)));
        return ItemResults.of(request, item -> {
            String reason = reasonFor(item, errors);
            return reason == null ? ItemResult.ok(item) : ItemResult.failed(item, reason);
        });
    }

    /**
     * source-items validates the whole batch before saving any of it: success saved every item; a 400 saved none.
     * Its {@code errors}, or — as MSI's save handler words it — its {@code message}, which carries only the first
     * validation error ({@code Validation Failed: Product with requested "sku": "X" was was not found.}), name the
     * refused items: those failed. The others were refused only for their company, so they are retried — the retry
     * carries them without the refused items (and shows the next refused one, if any). A 400 that names no item
     * fails them all with Magento's words.
     */
    static ItemResults stock(ShopRequest request, ShopAnswer answer) {
        if (answer.successful()) {
            return ItemResults.of(request, ItemResult::ok);
        }
        AnswerProblem problem = AnswerProblem.ofStatus(answer).orElseThrow();
        List<MagentoError> errors = answer.status() == 400 ? errors(answer.body()) : List.of();
        if (errors.isEmpty()) {
            return problem.toResults(request);
        }
        List<String> named = request.items().stream().filter(item -> reasonFor(item, errors) != null)
                .map(ShopItem::externalId).toList();
        if (named.isEmpty()) {
            String all = errors.stream().map(MagentoError::text).collect(Collectors.joining("; "));
            return ItemResults.of(request, item -> ItemResult.failed(item, "Magento refused the batch: " + all));
        }
        return ItemResults.of(request, item -> {
            String reason = reasonFor(item, errors);
            return reason != null ? ItemResult.failed(item, reason)
                    : ItemResult.retryable(item, "not saved: Magento refused the whole batch because of "
                            + String.join(", ", named));
        });
    }

    /** The {@code errors} of a refusal, or the refusal itself when it lists none. */
    private static List<MagentoError> errors(String body) {
        List<MagentoError> errors = new ArrayList<>();
        JsonNode root = FormatJson.read(body).filter(JsonNode::isObject).orElse(null);
        if (root == null) {
            return errors;
        }
        JsonNode list = root.get("errors");
        if (list != null && list.isArray() && !list.isEmpty()) {
            list.forEach(entry -> errors.add(MagentoError.of(entry)));
        } else if (FormatJson.text(root, "message") != null) {
            errors.add(MagentoError.of(root));
        }
        return errors;
    }

    /** Magento's words about this item, or null when no error names its SKU. */
    private static String reasonFor(ShopItem item, List<MagentoError> errors) {
        String reason = errors.stream().filter(error -> error.names(item.externalId())).map(MagentoError::text)
                .distinct().collect(Collectors.joining("; "));
        return reason.isEmpty() ? null : "Magento: " + reason;
    }
}
