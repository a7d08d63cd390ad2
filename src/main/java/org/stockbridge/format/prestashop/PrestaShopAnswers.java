package org.stockbridge.format.prestashop;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.stockbridge.format.AnswerProblem;
import org.stockbridge.format.ItemResult;
import org.stockbridge.format.ItemResults;
import org.stockbridge.format.ShopAnswer;
import org.stockbridge.format.ShopItem;
import org.stockbridge.format.ShopRequest;
import org.w3c.dom.Element;

/**
 * PrestaShop's answer to one update: the saved resource (200), or an HTTP error with
 * {@code <errors><error><code/><message/></error></errors>} — read into the reason instead of quoting raw XML.
 */
final class PrestaShopAnswers {

    private PrestaShopAnswers() {
    }

    static ItemResults update(ShopRequest request, ShopAnswer answer) {
        Optional<AnswerProblem> problem = problem(answer);
        if (problem.isPresent()) {
            return problem.get().toResults(request);
        }
        Optional<Element> root = PrestaShopXml.root(answer.body());
        if (root.isEmpty()) {
            return AnswerProblem.unreadable(answer, "not PrestaShop XML").toResults(request);
        }
        List<String> errors = PrestaShopXml.errors(root.get());
        if (!errors.isEmpty()) {
            return AnswerProblem.refused("PrestaShop " + String.join("; ", errors)).toResults(request);
        }
        return ItemResults.of(request, ItemResult::ok);
    }

    /** The answer to the stock-row look-up made for a link that lacks the stock_available id. */
    static ItemResults stockRows(ShopRequest request, ShopAnswer answer) {
        Optional<AnswerProblem> problem = problem(answer);
        if (problem.isPresent()) {
            return problem.get().toResults(request);
        }
        Element rows = PrestaShopXml.root(answer.body()).map(root -> PrestaShopXml.child(root, "stock_availables")).orElse(null);
        if (rows == null) {
            return AnswerProblem.unreadable(answer, "no stock_availables list").toResults(request);
        }
        List<String> ids = PrestaShopXml.children(rows, "stock_available").stream()
                .map(row -> PrestaShopXml.text(PrestaShopXml.child(row, "id"))).filter(id -> id != null).toList();
        return ItemResults.of(request, item -> ItemResult.failed(item, missingStockId(item, ids)));
    }

    private static String missingStockId(ShopItem item, List<String> ids) {
        String product = PrestaShopIds.parse(item.externalId()).product();
        String start = "the link of " + item.sku() + " names product " + product
                + " but not its stock_available id, which PrestaShop updates stock by; ";
        if (ids.isEmpty()) {
            return start + "PrestaShop has no stock row for that product";
        }
        return start + "link it as " + ids.stream().map(id -> PrestaShopIds.externalId(product, id))
                .collect(Collectors.joining(" or ")) + " (or relink it from the product list)";
    }

    /**
     * {@link AnswerProblem#ofStatus}, with PrestaShop's error code and message as the reason when the body has them.
     * A 405 to an update is a shop older than PrestaShop 8, which has no PATCH; the reason says so.
     */
    static Optional<AnswerProblem> problem(ShopAnswer answer) {
        return AnswerProblem.ofStatus(answer).map(problem -> {
            List<String> errors = PrestaShopXml.root(answer.body()).map(PrestaShopXml::errors).orElse(List.of());
            String reason = errors.isEmpty() ? problem.reason()
                    : "HTTP " + answer.status() + ": PrestaShop " + String.join("; ", errors);
            if (answer.status() == 405) {
                reason += " (updates use PATCH, which needs PrestaShop 8 or newer)";
            }
            return new AnswerProblem(problem.retryable(), reason, problem.retryAfter());
        });
    }
}
