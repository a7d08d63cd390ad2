package org.stockbridge.format.shopify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.stockbridge.format.Batches;
import org.stockbridge.format.ShopConnection;
import org.stockbridge.format.ShopItem;
import org.stockbridge.format.ShopOperation;
import org.stockbridge.format.ShopPush;
import org.stockbridge.format.ShopRequest;

/**
 * Pushes whose link holds a usable variant id ({@link ShopifyIds.VariantRef}) and those whose link does not.
 * A push cannot be refused while requests are built, and must not stop the others, so the unusable ones ride along
 * as the last items of the first request, outside its body; {@link ShopifyMutationAnswer} fails them with the reason
 * whatever Shopify answers. When no push is usable, they ride on a one-point {@code shop { id }} query.
 */
record ShopifyPushes<P extends ShopPush>(List<Addressed<P>> usable, List<P> unusable) {

    /** A push with its link's ids. */
    record Addressed<P extends ShopPush>(P push, ShopifyIds.VariantRef ref) {
    }

    /** What one request carries: its body's variables and the usable pushes in body order. */
    interface Body<P extends ShopPush> {
        String query(String requestId);

        Map<String, Object> variables(String requestId, List<Addressed<P>> batch);
    }

    static final String SHOP_QUERY = "query StockbridgeShop { shop { id } }";

    static <P extends ShopPush> ShopifyPushes<P> sort(List<P> pushes) {
        List<Addressed<P>> usable = new ArrayList<>();
        List<P> unusable = new ArrayList<>();
        for (P push : pushes) {
            Optional<ShopifyIds.VariantRef> ref = ShopifyIds.VariantRef.parse(push.externalId());
            ref.ifPresentOrElse(r -> usable.add(new Addressed<>(push, r)), () -> unusable.add(push));
        }
        return new ShopifyPushes<>(usable, unusable);
    }

    /** Why a push's link cannot be used; empty when it can. */
    static Optional<String> unusable(ShopItem item) {
        return ShopifyIds.VariantRef.parse(item.externalId()).isPresent() ? Optional.empty()
                : Optional.of("the link's external id '" + item.externalId() + "' of SKU " + item.sku()
                        + " is not a Shopify variant; link it as " + ShopifyIds.VariantRef.FORM);
    }

    /** Requests for {@code groups} of usable pushes, each cut into batches, the unusable pushes on the first. */
    List<ShopRequest> requests(ShopConnection connection, ShopOperation operation, int batchSize,
            List<List<Addressed<P>>> groups, Body<P> body) {
        List<ShopRequest> requests = new ArrayList<>();
        for (List<Addressed<P>> group : groups) {
            for (List<Addressed<P>> batch : Batches.of(group, batchSize)) {
                String id = UUID.randomUUID().toString();
                List<ShopItem> items = new ArrayList<>(batch.stream().map(a -> a.push().item()).toList());
                if (requests.isEmpty()) {
                    items.addAll(Batches.items(unusable));
                }
                requests.add(ShopifyGraphql.call(connection, operation, id, body.query(id), body.variables(id, batch))
                        .items(items).build());
            }
        }
        if (requests.isEmpty() && !unusable.isEmpty()) {
            requests.add(ShopifyGraphql.call(connection, operation, UUID.randomUUID().toString(), SHOP_QUERY, Map.of())
                    .items(Batches.items(unusable)).build());
        }
        return requests;
    }
}
