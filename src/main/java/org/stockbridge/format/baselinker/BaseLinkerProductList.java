package org.stockbridge.format.baselinker;

import java.math.BigDecimal;
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
 * The catalog's products through {@code getInventoryProductsList}: 1000 products a page, keyed by product id, with
 * sku, ean and name for linking, and the stock per warehouse and gross price per price group that reconciliation
 * compares (those of the connection's {@code warehouseId} and {@code priceGroupId}). BaseLinker gives no page
 * count, so a page shorter than 1000 is the last. Variants are listed too ({@code include_variants}), each under
 * its own id with its {@code parent_id}: BaseLinker takes a variant's stock and price by that id as it takes a
 * product's, so a variant links and pushes like a product.
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
        parameters.put("include_variants", true);
        return BaseLinkerCalls.call(connection, ShopOperation.PRODUCTS, METHOD, parameters).page(page).build();
    }

    static ShopRequest bySkuRequest(ShopConnection connection, String sku) {
        Map<String, Object> parameters = inventory(connection);
        parameters.put("filter_sku", sku);
        parameters.put("include_variants", true);
        return BaseLinkerCalls.call(connection, ShopOperation.PRODUCTS, METHOD, parameters).page(1).build();
    }

    /**
     * {@code warehouseId}, {@code priceGroupId}: whose stock and price each product shows (its {@code stock} and
     * {@code prices} maps, keyed by warehouse and price group), or null to read neither.
     */
    static ProductPage read(ShopRequest request, ShopAnswer answer, String warehouseId, String priceGroupId) {
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
                products.add(new ShopProduct(id == null ? entry.getKey() : id, parent(product), FormatJson.text(product, "sku"),
                        FormatJson.text(product, "ean"), FormatJson.text(product, "name"),
                        stock(product, warehouseId), price(product, priceGroupId)));
            });
        }
        return new ProductPage(request.page(), products, products.size() < PAGE_SIZE);
    }

    /** A variant's product; BaseLinker addresses a variant by its own id, so this only tells the two apart. */
    private static String parent(JsonNode product) {
        String parent = FormatJson.text(product, "parent_id");
        return parent == null || parent.equals("0") ? null : parent;
    }

    /** The product's stock in the warehouse; null when the list does not show that warehouse or a whole number. */
    private static Integer stock(JsonNode product, String warehouseId) {
        JsonNode stock = warehouseId == null ? null : product.path("stock").get(warehouseId);
        return stock != null && stock.isNumber() && stock.canConvertToInt() && stock.asDouble() == stock.asInt()
                ? stock.asInt() : null;
    }

    /** The product's gross price in the price group; null when the list does not show it. */
    private static BigDecimal price(JsonNode product, String priceGroupId) {
        JsonNode price = priceGroupId == null ? null : product.path("prices").get(priceGroupId);
        return price != null && price.isNumber() ? price.decimalValue() : null;
    }

    private static Map<String, Object> inventory(ShopConnection connection) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("inventory_id", connection.integer(BaseLinkerSettings.INVENTORY_ID));
        return parameters;
    }
}
