package org.stockbridge.route;

import java.util.Optional;

import org.apache.camel.ShutdownRoute;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ProcessorDefinition;
import org.springframework.stereotype.Component;
import org.stockbridge.format.FileTarget;
import org.stockbridge.format.ItemOutcome;
import org.stockbridge.format.ItemResults;
import org.stockbridge.push.DrainWakeUps;
import org.stockbridge.push.DryRunFiles;
import org.stockbridge.push.OutboundShop;
import org.stockbridge.push.OutboundShops;
import org.stockbridge.push.OutboxDrain;
import org.stockbridge.format.ShopRequest;
import org.stockbridge.push.PushProperties;
import org.stockbridge.push.ShopBreaker;
import org.stockbridge.push.ShopBreakers;
import org.stockbridge.push.ShopSenders;
import org.stockbridge.push.PushResults;

/**
 * {@code hub-to-<connection>}: one route per shop the hub sends to ({@link OutboundShops}). When entries for the
 * shop became due in this instance, or else every poll period ({@link ShopDrainScheduler}), it drains the shop's
 * outbox ({@link OutboxDrain}: claim, compute, keep only what differs from the shop value), again at once while a
 * drain took a full claim, and hands each batched request to {@code hub-to-<connection>-requests}, which sends it
 * through Camel's HTTP component paced within the format's rate limit ({@link ShopPace}, one per shop for all its
 * routes: {@link ShopPaces}), several under way at once, and records each request's results ({@link PushResults}).
 * Retries are not Camel redeliveries but outbox entries due again later:
 * a request is never replayed as it was, the next drain computes the then-current values, and a restart or another
 * instance carries on where this one stopped. In dry-run the requests are written to files instead.
 * <p>
 * A shop that keeps failing is paused by its circuit breaker ({@link ShopBreaker}): its route skips the drain
 * while paused and hands back, unsent, the requests the breaker does not admit.
 * <p>
 * The routes are built from the configuration, not from {@code routes/*.yaml}: a shop's format and settings
 * (credentials) are validated once at start-up and never pass through a route definition or an endpoint URI.
 */
@Component
public class HubToShopRoutes extends RouteBuilder {

    public static final String ROUTE_PREFIX = "hub-to-";

    private final OutboundShops shops;
    private final OutboxDrain drain;
    private final PushResults results;
    private final DryRunFiles dryRunFiles;
    private final PushProperties settings;
    private final ShopBreakers breakers;
    private final ShopFiles files;
    private final DrainWakeUps wakeUps;
    private final ShopPaces paces;
    private final ShopSenders senders;

    public HubToShopRoutes(OutboundShops shops, OutboxDrain drain, PushResults results, DryRunFiles dryRunFiles,
            PushProperties settings, ShopBreakers breakers, ShopFiles files, DrainWakeUps wakeUps, ShopPaces paces,
            ShopSenders senders) {
        this.wakeUps = wakeUps;
        this.senders = senders;
        this.paces = paces;
        this.breakers = breakers;
        this.files = files;
        this.shops = shops;
        this.drain = drain;
        this.results = results;
        this.dryRunFiles = dryRunFiles;
        this.settings = settings;
    }

    public static String routeId(String connection) {
        return ROUTE_PREFIX + connection;
    }

    /**
     * The route's consumer: the scheduler component, greedy (a full claim drains again at once), run by the shop's
     * {@link ShopDrainScheduler}, which a commit of due entries wakes and the poll period backs up.
     */
    private String drains(OutboundShop shop) {
        String name = routeId(shop.id()) + "-drains";
        ShopDrainScheduler scheduler = new ShopDrainScheduler(name, settings.pollPeriod());
        wakeUps.register(shop.id(), scheduler::wakeUp);
        getContext().getRegistry().bind(name, scheduler);
        // synchronous: the next drain starts only once this one has handed over (or written) all its requests
        return "scheduler:" + routeId(shop.id()) + "?greedy=true&synchronous=true&scheduler=#" + name;
    }

    @Override
    public void configure() {
        for (OutboundShop shop : shops.all()) {
            Optional<FileTarget> fileTarget = ShopFiles.target(shop);
            boolean queued = !shop.dryRun() && fileTarget.isEmpty();
            ProcessorDefinition<?> each = from(drains(shop))
                    .routeId(routeId(shop.id()))
                    .routeDescription(shop.id() + " stock and prices from the outbox to " + shop.format().name()
                            + (shop.dryRun() ? " (dry-run: requests written to files)" : " at " + shop.baseUrl()))
                    .process(new ShopDrainStep(shop, drain, breakers, senders, paces.of(shop),
                            queued ? requestQueue(shop, false) : null))
                    .split(body());
            if (shop.dryRun()) {
                paced(each, shop).process(ShopPaces.answered()).process(exchange -> {
                    // nothing reaches the shop; the files follow the pace its requests would
                    var request = ShopExchange.request(exchange);
                    exchange.getIn().removeHeaders("*");
                    dryRunFiles.write(shop, request);
                    results.record(ShopExchange.plan(exchange), request,
                            ItemResults.all(request, ItemOutcome.OK, null, Optional.empty()), true);
                });
            } else if (fileTarget.isPresent()) {
                // a CSV/XML file instead of HTTP, one after the other: the pace spreads the files as it would requests
                files.write(paced(admitted(each, shop), shop).process(ShopPaces.answered()), fileTarget.get(), getContext());
            } else {
                each.to(requestQueue(shop, false));
                sent(shop);
            }
        }
    }

    /**
     * {@code hub-to-<connection>-requests}: the shop's HTTP requests, up to {@code requests-in-flight} under way at
     * once, from a queue the drain fills. The drain claims the next entries while these are under way (an item still
     * being sent is never claimed again, so a newer value cannot overtake it), and waits when the queue is full.
     * One drain at a time, the pause between the last answer of one drain and the first request of the next
     * (recording, claiming, planning) cost the shops a fifth of their limit on the benchmark machine.
     */
    private void sent(OutboundShop shop) {
        // only the transport is inside doTry: a failure to record must not pass for an unreachable shop
        // deferred at shutdown: stopped after the drains, so no drain waits on a full queue nobody takes from
        paced(admitted(from(requestQueue(shop, true)).routeId(routeId(shop.id()) + "-requests")
                .routeDescription(shop.id() + " requests to " + shop.format().name() + " at " + shop.baseUrl())
                .shutdownRoute(ShutdownRoute.Defer), shop), shop)
                .doTry()
                    .to(ShopExchange.endpoint(shop, false))
                .doCatch(Exception.class)
                    .setProperty(ShopExchange.UNREACHABLE, constant(true))
                .end()
                .process(ShopPaces.answered())
                .process(exchange -> {
                    ItemResults answer = exchange.getProperty(ShopExchange.UNREACHABLE, false, Boolean.class)
                            ? ShopExchange.unreachable(exchange) : ShopExchange.answer(exchange);
                    // the breaker first: a failure to record must not leave a half-open trial under way forever
                    breakers.of(shop.id()).answered(answer);
                    results.record(ShopExchange.plan(exchange), ShopExchange.request(exchange), answer, false);
                });
    }

    /** The queue between a shop's drain and its requests: as deep as the requests that may be under way. */
    private String requestQueue(OutboundShop shop, boolean consumer) {
        int inFlight = settings.requestsInFlight(shop.rateLimit());
        return "seda:" + routeId(shop.id()) + "-requests?size=" + inFlight
                + (consumer ? "&concurrentConsumers=" + inFlight : "&blockWhenFull=true");
    }

    /**
     * The breaker may open (or a half-open trial be under way) within one drain: the requests it does not admit go
     * back to the outbox unsent, before they take a turn in the pace.
     */
    private ProcessorDefinition<?> admitted(ProcessorDefinition<?> requests, OutboundShop shop) {
        ShopBreaker breaker = breakers.of(shop.id());
        return requests.filter(exchange -> {
            if (breaker.admit()) {
                return true;
            }
            results.release(ShopExchange.plan(exchange), exchange.getIn().getBody(ShopRequest.class));
            return false;
        });
    }

    /** Built, then its turn in the shop's pace (shared with its other routes), taken last so it leaves at once. */
    private ProcessorDefinition<?> paced(ProcessorDefinition<?> requests, OutboundShop shop) {
        return requests.process(ShopExchange::prepare).process(paces.pushTurn(shop));
    }
}
