package org.stockbridge.format.woocommerce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.stockbridge.format.Batches;
import org.stockbridge.format.CommonSettings;
import org.stockbridge.format.FormatJson;
import org.stockbridge.format.ShopConnection;
import org.stockbridge.format.ShopOperation;
import org.stockbridge.format.ShopPush;
import org.stockbridge.format.ShopRequest;

/**
 * Pushes as {@code POST …/batch} requests with an {@code update} list. WooCommerce updates by id only, so every
 * push carries the shop id from its link. Variations live under their parent, {@code /products/{parent}/variations/batch}
 * (a variation's link is {@code parent/variation}), so pushes are grouped by parent first and every group is cut into
 * batches on its own, the groups in order of their first push (simple products form one group).
 */
final class WooBatchRequests {

    private WooBatchRequests() {
    }

    static <P extends ShopPush> List<ShopRequest> build(ShopConnection connection, ShopOperation operation,
            List<P> pushes, Function<P, Map<String, Object>> fields) {
        int size = CommonSettings.batchSize(connection);
        List<ShopRequest> requests = new ArrayList<>();
        Batches.groupedBy(pushes, WooBatchRequests::parent).forEach((parent, group) -> {
            String path = parent == null ? WooRequests.PRODUCTS_BATCH : WooRequests.variationsBatch(parent);
            for (List<P> batch : Batches.of(group, size)) {
                requests.add(WooRequests.request(connection, operation)
                        .post(path)
                        .body(FormatJson.bytes(Map.of("update", batch.stream().map(push -> update(push, fields)).toList())),
                                WooRequests.JSON)
                        .items(Batches.items(batch))
                        .build());
            }
        });
        return requests;
    }

    /** A variation's parent: from the push, or from a {@code parent/variation} link ({@link WooIds}). */
    private static String parent(ShopPush push) {
        return push.externalParentId() != null ? push.externalParentId() : WooIds.parent(push.externalId());
    }

    private static <P extends ShopPush> Map<String, Object> update(P push, Function<P, Map<String, Object>> fields) {
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("id", WooIds.toJson(WooIds.own(push.externalId())));
        update.putAll(fields.apply(push));
        return update;
    }
}
