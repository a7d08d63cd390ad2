package org.stockbridge.format.baselinker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import org.stockbridge.format.Batches;
import org.stockbridge.format.CommonSettings;
import org.stockbridge.format.ItemResult;
import org.stockbridge.format.ItemResults;
import org.stockbridge.format.ShopAnswer;
import org.stockbridge.format.ShopConnection;
import org.stockbridge.format.ShopOperation;
import org.stockbridge.format.ShopPush;
import org.stockbridge.format.ShopRequest;

/**
 * The bulk update calls: {@code parameters = {inventory_id, products: {product_id: {key: value}}}}, where the
 * key is the warehouse id (stock) or the price group id (prices). BaseLinker addresses a variant by its own id as
 * the product id, so variants need no grouping by parent, unlike WooCommerce.
 *
 * <p>The answer lists the products it could not update under {@code warnings} (product id → message) inside a
 * SUCCESS; those items failed, every other item of the call is ok.
 */
final class BaseLinkerUpdates {

    private BaseLinkerUpdates() {
    }

    static <P extends ShopPush> List<ShopRequest> build(ShopConnection connection, ShopOperation operation,
            String method, List<P> pushes, Function<P, Map<String, Object>> values) {
        List<ShopRequest> requests = new ArrayList<>();
        for (List<P> batch : Batches.of(pushes, CommonSettings.batchSize(connection))) {
            Map<String, Object> products = new LinkedHashMap<>();
            for (P push : batch) {
                // Keyed by product id: a product pushed twice in one call keeps its last value, as the hub means.
                products.put(push.externalId(), values.apply(push));
            }
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("inventory_id", connection.integer(BaseLinkerSettings.INVENTORY_ID));
            parameters.put("products", products);
            requests.add(BaseLinkerCalls.call(connection, operation, method, parameters)
                    .items(Batches.items(batch))
                    .build());
        }
        return requests;
    }

    static ItemResults read(ShopRequest request, ShopAnswer answer) {
        BaseLinkerAnswer.Outcome outcome = BaseLinkerAnswer.read(answer);
        if (outcome.problem() != null) {
            return outcome.problem().toResults(request);
        }
        JsonNode warnings = outcome.body().get("warnings");
        return ItemResults.of(request, item -> {
            // An empty PHP array comes as [] rather than {}; get() on it finds nothing, which is right.
            JsonNode warning = warnings == null ? null : warnings.get(item.externalId());
            return warning == null || warning.isNull()
                    ? ItemResult.ok(item)
                    : ItemResult.failed(item, "BaseLinker warning: " + warning.asText());
        });
    }
}
