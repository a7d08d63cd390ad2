package org.stockbridge.format.baselinker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.stockbridge.format.FormatJson;
import org.stockbridge.format.ProductPage;
import org.stockbridge.format.ShopAnswer;
import org.stockbridge.format.ShopConnection;
import org.stockbridge.format.ShopOperation;
import org.stockbridge.format.ShopProduct;
import org.stockbridge.format.ShopRequest;

/**
 * The catalog's products for linking through {@code getInventoryProductsList}: 1000 products a page, keyed by
 * product id, with sku, ean and name. BaseLinker gives no page count, so a page shorter than 1000 is the last.
 * Variants are not listed: newer versions of the method take {@code include_variants}, which the variant-linking
 * work can add once it knows how variants come back.
 */
final class BaseLinkerProductList {

    static final String METHOD = "getInventoryProductsList";
    static final int PAGE_SIZE = 1000;

    private BaseLinkerProductList() {
    }

    static ShopRequest pageRequest(ShopConnection connection, int page) {
        if (page < 1) {
            throw new IllegalArgumentException("pages count from 1, was " + page);
        }
        Map<String, Object> parameters = inventory(connection);
        parameters.put("page", page);
        return BaseLinkerCalls.call(connection, ShopOperation.PRODUCTS, METHOD, parameters).page(page).build();
    }

    static ShopRequest bySkuRequest(ShopConnection connection, String sku) {
        Map<String, Object> parameters = inventory(connection);
        parameters.put("filter_sku", sku);
        return BaseLinkerCalls.call(connection, ShopOperation.PRODUCTS, METHOD, parameters).page(1).build();
    }

    static ProductPage read(ShopRequest request, ShopAnswer answer) {
        BaseLinkerAnswer.Outcome outcome = BaseLinkerAnswer.read(answer);
        if (outcome.problem() != null) {
            throw outcome.problem().toException(request);
        }
        List<ShopProduct> products = new ArrayList<>();
        JsonNode listed = outcome.body().get("products");
        if (listed != null) {
            listed.fields().forEachRemaining(entry -> {
                JsonNode product = entry.getValue();
                String id = FormatJson.text(product, "id");
                products.add(new ShopProduct(id == null ? entry.getKey() : id, null, FormatJson.text(product, "sku"),
                        FormatJson.text(product, "ean"), FormatJson.text(product, "name")));
            });
        }
        return new ProductPage(request.page(), products, products.size() < PAGE_SIZE);
    }

    private static Map<String, Object> inventory(ShopConnection connection) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("inventory_id", connection.integer(BaseLinkerSettings.INVENTORY_ID));
        return parameters;
    }
}
