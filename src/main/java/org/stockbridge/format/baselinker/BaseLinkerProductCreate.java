package org.stockbridge.format.baselinker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stockbridge.format.AnswerProblem;
import org.stockbridge.format.FormatJson;
import org.stockbridge.format.ItemResult;
import org.stockbridge.format.ItemResults;
import org.stockbridge.format.NewProduct;
import org.stockbridge.format.ShopAnswer;
import org.stockbridge.format.ShopConnection;
import org.stockbridge.format.ShopItem;
import org.stockbridge.format.ShopOperation;
import org.stockbridge.format.ShopRequest;

/**
 * New products through {@code addInventoryProduct}, which creates one product per call: {@code product_id} left
 * empty (given, it would update that product), SKU, EAN and the name in {@code text_fields}. The answer's
 * {@code product_id} is the new product's id in the catalog.
 */
final class BaseLinkerProductCreate {

    static final String METHOD = "addInventoryProduct";

    private BaseLinkerProductCreate() {
    }

    static List<ShopRequest> build(ShopConnection connection, List<NewProduct> products) {
        return products.stream().map(product -> BaseLinkerCalls
                .call(connection, ShopOperation.PRODUCTS, METHOD, parameters(connection, product))
                .items(List.of(product.item()))
                .build()).toList();
    }

    private static Map<String, Object> parameters(ShopConnection connection, NewProduct product) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("inventory_id", connection.integer(BaseLinkerSettings.INVENTORY_ID));
        parameters.put("product_id", "");
        parameters.put("sku", product.sku());
        if (product.ean() != null) {
            parameters.put("ean", product.ean());
        }
        parameters.put("text_fields", Map.of("name", product.displayName()));
        return parameters;
    }

    static ItemResults read(ShopRequest request, ShopAnswer answer) {
        BaseLinkerAnswer.Outcome outcome = BaseLinkerAnswer.read(answer);
        if (outcome.problem() != null) {
            return outcome.problem().toResults(request);
        }
        String id = FormatJson.text(outcome.body(), "product_id");
        if (id == null) {
            return AnswerProblem.unreadable(answer, "SUCCESS without product_id").toResults(request);
        }
        return ItemResults.of(request, item -> ItemResult.ok(new ShopItem(item.sku(), id)));
    }
}
