package org.stockbridge.format.shopify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stockbridge.format.CommonSettings;
import org.stockbridge.format.ShopConnection;
import org.stockbridge.format.ShopOperation;
import org.stockbridge.format.ShopRequest;
import org.stockbridge.format.StockPush;

/**
 * Stock as {@code inventorySetQuantities}: the absolute {@code available} quantity of each variant's inventory item at
 * the connection's location, up to 250 per call.
 * <ul>
 *   <li>{@code changeFromQuantity} is what the hub last sent the item successfully — what it believes the shop shows.
 *       Shopify sets the quantity only if it still is that, and otherwise refuses the item
 *       ({@code CHANGE_FROM_QUANTITY_STALE}): a sale or a hand edit in Shopify since the last push is not silently
 *       overwritten but shown to an operator, who decides ("sync now" overwrites). It is {@code null} — Shopify's way
 *       of opting out of the check, and mandatory to pass explicitly — when the hub never sent the item or "sync now"
 *       forces it, or when the connection turns the check off ({@code compareBeforeSet: false}).</li>
 *   <li>{@code @idempotent(key:)} is the request id, fresh for every request built; a retry is a new request built
 *       from the hub's then-current values, never a replay, so it gets a new key.</li>
 *   <li>{@code referenceDocumentUri} {@code gid://stockbridge/ShopRequest/<request id>} shows the hub and the request in
 *       the shop's inventory history, and leads an operator from there to the sync records.</li>
 * </ul>
 */
final class ShopifyStock {

    static final String MUTATION = "inventorySetQuantities";
    /** One of Shopify's documented reasons; the hub corrects the shop to what the hub holds. */
    static final String REASON = "correction";

    private ShopifyStock() {
    }

    static List<ShopRequest> requests(ShopConnection connection, List<StockPush> pushes) {
        ShopifyPushes<StockPush> sorted = ShopifyPushes.sort(pushes);
        String location = ShopifySettings.locationGid(connection);
        boolean compare = connection.flag(ShopifySettings.COMPARE_BEFORE_SET);
        return sorted.requests(connection, ShopOperation.STOCK, CommonSettings.batchSize(connection),
                List.of(sorted.usable()), new ShopifyPushes.Body<>() {
                    @Override
                    public String query(String requestId) {
                        return "mutation StockbridgeSetStock($input: InventorySetQuantitiesInput!) { " + MUTATION
                                + "(input: $input) @idempotent(key: \"" + requestId + "\") { "
                                + "inventoryAdjustmentGroup { id } userErrors { code field message } } }";
                    }

                    @Override
                    public Map<String, Object> variables(String requestId, List<ShopifyPushes.Addressed<StockPush>> batch) {
                        Map<String, Object> input = new LinkedHashMap<>();
                        input.put("name", "available");
                        input.put("reason", REASON);
                        input.put("referenceDocumentUri", "gid://stockbridge/ShopRequest/" + requestId);
                        input.put("quantities", batch.stream().map(a -> quantity(a, location, compare)).toList());
                        return Map.of("input", input);
                    }
                });
    }

    private static Map<String, Object> quantity(ShopifyPushes.Addressed<StockPush> addressed, String location,
            boolean compare) {
        Map<String, Object> quantity = new LinkedHashMap<>();
        quantity.put("inventoryItemId", addressed.ref().inventoryItemGid());
        quantity.put("locationId", location);
        quantity.put("quantity", addressed.push().quantity());
        // null is sent, not left out: Shopify requires the field, null being its way of skipping the check
        quantity.put("changeFromQuantity", compare ? addressed.push().lastSentQuantity() : null);
        return quantity;
    }
}
