package org.stockbridge.route;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.seda.SedaEndpoint;
import org.stockbridge.push.OutboundShop;
import org.stockbridge.push.OutboxDrain;
import org.stockbridge.push.PushPlan;
import org.stockbridge.push.ShopBreakers;
import org.stockbridge.push.ShopSenders;

/**
 * The first step of {@code hub-to-<connection>}: one drain of the shop's outbox ({@link OutboxDrain}), whose
 * requests become the message body, and whether the greedy scheduler drains again at once (a full claim).
 * <p>
 * When the requests go through a queue to {@code hub-to-<connection>-requests}, the drain decides when to claim
 * again. Behind a backlog (its last claim was full) at once: full requests keep coming, the queue bounds how far
 * ahead, and the shop never waits for a claim. Otherwise only once no push waits for its turn in the pace (list
 * pages do not count), so changes that come meanwhile ride together in the next request.
 */
final class ShopDrainStep implements Processor {

    private final OutboundShop shop;
    private final OutboxDrain drain;
    private final ShopBreakers breakers;
    private final ShopSenders senders;
    private final ShopPace pace;
    private final String requestQueue;
    // the shop's drains run one after the other on its scheduler thread: these are only ever touched from there
    private boolean backlog; // whether the last drain took a full claim
    private SedaEndpoint queue; // the request queue, looked up at the first drain (the routes exist by then)

    /** {@code requestQueue}: the endpoint the requests are handed to, or null when the route sends them itself. */
    ShopDrainStep(OutboundShop shop, OutboxDrain drain, ShopBreakers breakers, ShopSenders senders, ShopPace pace,
            String requestQueue) {
        this.shop = shop;
        this.drain = drain;
        this.breakers = breakers;
        this.senders = senders;
        this.pace = pace;
        this.requestQueue = requestQueue;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        // a drain that fails is not repeated at once: the next waits for a wake-up or the poll
        exchange.setProperty(Exchange.SCHEDULER_POLLED_MESSAGES, false);
        if (requestQueue != null && !backlog) {
            if (queue == null) {
                queue = exchange.getContext().getEndpoint(requestQueue, SedaEndpoint.class);
            }
            pace.awaitNoneWaiting(queue::getCurrentQueueSize);
        }
        // a paused shop's route looks at nothing until the pause is over: no claim, no spin; nor does the route of
        // a shop another instance sends to (it tries to take the shop over at each poll)
        boolean idle = !shop.dryRun() && breakers.of(shop.id()).paused() || !senders.sendsTo(shop.id());
        PushPlan plan = idle ? PushPlan.empty(shop) : drain.next(shop);
        backlog = plan.moreDue();
        exchange.setProperty(ShopExchange.PLAN, plan);
        // false: the greedy scheduler waits for a wake-up or the poll period before the next drain
        exchange.setProperty(Exchange.SCHEDULER_POLLED_MESSAGES, plan.moreDue());
        exchange.getIn().setBody(plan.requests());
    }
}
