package org.stockbridge.route;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Processor;
import org.springframework.stereotype.Component;
import org.stockbridge.push.OutboundShop;

/**
 * One {@link ShopPace} per shop, shared by every route that sends to it: pushes ({@link HubToShopRoutes}),
 * reconciliation's product list ({@link ReconciliationRoutes}), the catalog read and products-to-shop
 * ({@link ShopLinkRoutes}). The shop counts all of them against one limit; paced apart, a reconciliation running
 * beside a heavy push would show the shop up to twice its limit. Per instance: a cluster's instances each keep
 * their own.
 */
@Component
public class ShopPaces {

    private final Map<String, ShopPace> paces = new ConcurrentHashMap<>();

    ShopPace of(OutboundShop shop) {
        return paces.computeIfAbsent(shop.id(), id -> new ShopPace(shop.rateLimit()));
    }

    /** Waits for the shop's next turn for a push; the request on the exchange leaves right after this step. */
    Processor pushTurn(OutboundShop shop) {
        ShopPace pace = of(shop);
        return exchange -> PaceTurn.take(exchange, pace, true);
    }

    /**
     * Waits for the shop's next turn for a request that is not a push (a list page, a create): it shares the limit,
     * but the next drain does not wait for it.
     */
    Processor turn(OutboundShop shop) {
        ShopPace pace = of(shop);
        return exchange -> PaceTurn.take(exchange, pace, false);
    }

    /** After the request's answer (or failure, or the file written): its turn goes back to the shop's pace. */
    static Processor answered() {
        return PaceTurn::answered;
    }
}
