package org.stockbridge.format.shopify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.stockbridge.format.Batches;
import org.stockbridge.format.CommonSettings;
import org.stockbridge.format.PricePush;
import org.stockbridge.format.ShopConnection;
import org.stockbridge.format.ShopOperation;
import org.stockbridge.format.ShopRequest;

/**
 * Prices as {@code productVariantsBulkUpdate}, which updates the variants of one product per call: pushes are grouped
 * by product (in order of first appearance), each group cut into calls of at most the batch size. Prices go as
 * Shopify's {@code Money} decimal strings. {@code allowPartialUpdates: true} lets Shopify save the valid variants of a
 * call when it refuses one, so a refused price fails alone.
 */
final class ShopifyPrices {

    static final String MUTATION = "productVariantsBulkUpdate";

    private static final String QUERY = "mutation StockbridgeSetPrices($productId: ID!, $variants: [ProductVariantsBulkInput!]!) { "
            + MUTATION + "(productId: $productId, variants: $variants, allowPartialUpdates: true) { "
            + "productVariants { id } userErrors { code field message } } }";

    private ShopifyPrices() {
    }

    static List<ShopRequest> requests(ShopConnection connection, List<PricePush> pushes) {
        ShopifyPushes<PricePush> sorted = ShopifyPushes.sort(pushes);
        List<List<ShopifyPushes.Addressed<PricePush>>> byProduct =
                new ArrayList<>(Batches.groupedBy(sorted.usable(), a -> a.ref().productId()).values());
        return sorted.requests(connection, ShopOperation.PRICES, CommonSettings.batchSize(connection), byProduct,
                new ShopifyPushes.Body<>() {
                    @Override
                    public String query(String requestId) {
                        return QUERY;
                    }

                    @Override
                    public Map<String, Object> variables(String requestId, List<ShopifyPushes.Addressed<PricePush>> batch) {
                        Map<String, Object> variables = new LinkedHashMap<>();
                        variables.put("productId", batch.get(0).ref().productGid());
                        variables.put("variants", batch.stream().map(ShopifyPrices::variant).toList());
                        return variables;
                    }
                });
    }

    private static Map<String, Object> variant(ShopifyPushes.Addressed<PricePush> addressed) {
        Map<String, Object> variant = new LinkedHashMap<>();
        variant.put("id", addressed.ref().variantGid());
        variant.put("price", addressed.push().price().toPlainString());
        return variant;
    }
}
