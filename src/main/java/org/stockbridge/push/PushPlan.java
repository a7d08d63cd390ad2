package org.stockbridge.push;

import java.util.List;
import java.util.Map;

import org.stockbridge.format.ShopItem;
import org.stockbridge.format.ShopOperation;
import org.stockbridge.format.ShopRequest;
import org.stockbridge.hub.OutboxStore;

/**
 * What one drain of a shop's outbox sends: the requests the format built, and the planned value behind each item
 * of them, so each item's result can be recorded against its outbox entries.
 *
 * @param claim   the token of the claim whose entries the plan sends ({@link OutboxStore#done}); null when empty
 * @param moreDue the drain took as many entries as it may, so more are likely due: drain again at once
 */
public record PushPlan(OutboundShop shop, List<ShopRequest> requests, Map<String, PlannedValue> planned, String claim,
        boolean moreDue) {

    PushPlan(OutboundShop shop, List<ShopRequest> requests, Map<String, PlannedValue> planned, String claim) {
        this(shop, requests, planned, claim, false);
    }

    public static PushPlan empty(OutboundShop shop) {
        return new PushPlan(shop, List.of(), Map.of(), null);
    }

    PushPlan withMoreDue(boolean more) {
        return new PushPlan(shop, requests, planned, claim, more);
    }

    PlannedValue plannedFor(ShopRequest request, ShopItem item) {
        PlannedValue value = planned.get(key(kind(request.operation()), item.sku()));
        if (value == null) {
            // the format answered for an item it was not given: a format bug, not the shop's
            throw new IllegalStateException("connection '" + shop.id() + "': request " + request.id()
                    + " has no planned " + request.operation() + " value for SKU " + item.sku());
        }
        return value;
    }

    static String key(String kind, String sku) {
        return kind + "/" + sku;
    }

    static String kind(ShopOperation operation) {
        return operation == ShopOperation.STOCK ? OutboxStore.STOCK : OutboxStore.PRICE;
    }
}
