package org.stockbridge.format.magento;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.stockbridge.format.Batches;
import org.stockbridge.format.CommonSettings;
import org.stockbridge.format.FormatJson;
import org.stockbridge.format.PricePush;
import org.stockbridge.format.ShopConnection;
import org.stockbridge.format.ShopOperation;
import org.stockbridge.format.ShopPush;
import org.stockbridge.format.ShopRequest;
import org.stockbridge.format.StockPush;

/**
 * The two bulk calls, each a list of SKU-keyed entries cut into batches. The SKU sent is the link's external id —
 * the product's SKU in Magento — so a shop whose SKUs differ from the hub's still gets the right products.
 */
final class MagentoUpdates {

    /** MSI's source item status: in stock / out of stock. */
    static final int IN_STOCK = 1;
    static final int OUT_OF_STOCK = 0;

    private MagentoUpdates() {
    }

    /**
     * {@code status} follows the quantity: a source item left "in stock" at 0 would still count as salable on
     * shops that allow backorders, and one "out of stock" with a quantity would never sell.
     */
    static List<ShopRequest> stock(ShopConnection connection, List<StockPush> pushes) {
        String source = connection.text(MagentoSettings.SOURCE_CODE);
        return build(connection, ShopOperation.STOCK, MagentoRequests.SOURCE_ITEMS, "sourceItems", pushes, push -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("sku", push.externalId());
            item.put("source_code", source);
            item.put("quantity", push.quantity());
            item.put("status", push.quantity() > 0 ? IN_STOCK : OUT_OF_STOCK);
            return item;
        });
    }

    /** The base price as a JSON number, for the configured store view. */
    static List<ShopRequest> prices(ShopConnection connection, List<PricePush> pushes) {
        long store = connection.integer(MagentoSettings.STORE_ID);
        return build(connection, ShopOperation.PRICES, MagentoRequests.BASE_PRICES, "prices", pushes, push -> {
            Map<String, Object> price = new LinkedHashMap<>();
            price.put("sku", push.externalId());
            price.put("price", push.price());
            price.put("store_id", store);
            return price;
        });
    }

    private static <P extends ShopPush> List<ShopRequest> build(ShopConnection connection, ShopOperation operation,
            String path, String listName, List<P> pushes, Function<P, Map<String, Object>> entry) {
        List<ShopRequest> requests = new ArrayList<>();
        for (List<P> batch : Batches.of(pushes, CommonSettings.batchSize(connection))) {
            requests.add(MagentoRequests.request(connection, operation)
                    .post(path)
                    .body(FormatJson.bytes(Map.of(listName, batch.stream().map(entry).toList())), MagentoRequests.JSON)
                    .items(Batches.items(batch))
                    .build());
        }
        return requests;
    }
}
