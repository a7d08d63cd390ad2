package org.stockbridge.push;

import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Service;

/**
 * Starts a shop's reconciliation now, outside its schedule ({@code POST /api/shops/{id}/reconcile}, Hawtio): the
 * shop's {@code reconcile-<connection>} route runs it in the background, since reading a large catalog within the
 * shop's rate limit can take minutes.
 */
@Service
public class ReconcileNow {

    private final OutboundShops shops;
    private final ProducerTemplate camel;

    ReconcileNow(OutboundShops shops, ProducerTemplate camel) {
        this.shops = shops;
        this.camel = camel;
    }

    public void start(String connection) {
        shops.require(connection);
        camel.asyncSendBody(Reconciliation.endpoint(connection), null);
    }
}
