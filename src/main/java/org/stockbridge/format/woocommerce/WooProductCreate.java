package org.stockbridge.format.woocommerce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stockbridge.format.Batches;
import org.stockbridge.format.CommonSettings;
import org.stockbridge.format.FormatJson;
import org.stockbridge.format.NewProduct;
import org.stockbridge.format.ShopConnection;
import org.stockbridge.format.ShopOperation;
import org.stockbridge.format.ShopRequest;

/**
 * New products as {@code POST /products/batch} with a {@code create} list, at most the connection's batch size
 * (WooCommerce: 100) per request. Each is a simple product that manages its stock, so it shows out of stock until
 * the hub's first stock push instead of being sold without a quantity. The EAN goes into
 * {@code global_unique_id} (WooCommerce 9.2+), the field the product list reads it from.
 */
final class WooProductCreate {

    private WooProductCreate() {
    }

    static List<ShopRequest> build(ShopConnection connection, List<NewProduct> products) {
        List<ShopRequest> requests = new ArrayList<>();
        for (List<NewProduct> batch : Batches.of(products, CommonSettings.batchSize(connection))) {
            requests.add(WooRequests.request(connection, ShopOperation.PRODUCTS)
                    .post(WooRequests.PRODUCTS_BATCH)
                    .body(FormatJson.bytes(Map.of("create", batch.stream().map(WooProductCreate::create).toList())),
                            WooRequests.JSON)
                    .items(batch.stream().map(NewProduct::item).toList())
                    .build());
        }
        return requests;
    }

    private static Map<String, Object> create(NewProduct product) {
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("name", product.displayName());
        create.put("type", "simple");
        create.put("sku", product.sku());
        if (product.ean() != null) {
            create.put("global_unique_id", product.ean());
        }
        create.put("manage_stock", true);
        return create;
    }
}
