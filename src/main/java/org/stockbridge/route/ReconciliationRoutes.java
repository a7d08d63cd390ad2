package org.stockbridge.route;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.stockbridge.format.ProductCatalog;
import org.stockbridge.format.ProductPage;
import org.stockbridge.format.ShopAnswer;
import org.stockbridge.format.ShopAnswerException;
import org.stockbridge.format.ShopRequest;
import org.stockbridge.hub.ReconcileRequestStore;
import org.stockbridge.push.OutboundShop;
import org.stockbridge.push.OutboundShops;
import org.stockbridge.push.Reconciliation;
import org.stockbridge.push.ShopBreakers;
import org.stockbridge.push.ShopSenders;

/**
 * {@code reconcile-<connection>}: one route per shop the hub sends to, started by {@link Reconciliation#endpoint}
 * ({@code POST /api/shops/{id}/reconcile}, Hawtio) and, for a shop with a {@code reconcile-interval}, by
 * {@code reconcile-<connection>-schedule} (clustered Quartz: one instance of a cluster runs it). It reads the
 * shop's product list page by page within the shop's rate limit and queues corrections for drifted values
 * ({@link Reconciliation#correct}); a shop whose values cannot be read gets a full push instead. A page the shop
 * refuses or cannot serve ends the run with a warning naming the connection, the page and the reason; the next
 * run starts over. A shop paused by its circuit breaker is not reconciled.
 * <p>
 * The pages take their turns in the shop's pace with its pushes ({@link ShopPaces}): together they stay within
 * the shop's one limit, and a reconciliation beside a heavy push slows both rather than overrunning the shop. An
 * instance that does not send to the shop ({@link ShopSenders}) leaves the reconciliation in the database
 * ({@link ReconcileRequestStore}); the sending instance's {@code reconcile-<connection>-requests} route looks for
 * such requests every few seconds and runs them, within its pace.
 */
@Component
public class ReconciliationRoutes extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationRoutes.class);
    private static final String PAGE = "StockbridgeReconcilePage";
    /** The page read last: the next request continues from it (by number, or by the shop's cursor). */
    private static final String PREVIOUS = "StockbridgeReconcilePrevious";
    private static final String MORE = "StockbridgeReconcileMore";
    /** The requests still to read the values of the list page read last, where the list does not show them all. */
    private static final String VALUES = "StockbridgeReconcileValues";
    private static final String READING_VALUES = "StockbridgeReconcileReadingValues";
    private static final String CORRECTED = "StockbridgeReconcileCorrected";
    private static final String LISTED = "StockbridgeReconcileListed";
    private static final String RAN = "StockbridgeReconcileRan";
    /** The run read the shop's whole list (it did not stop at a page it could not read). */
    private static final String READ_ALL = "StockbridgeReconcileReadAll";
    private static final String STARTED = "StockbridgeReconcileStarted";
    /** How often the sending instance looks for reconciliations other instances left for it. */
    private static final long REQUEST_CHECK_MILLIS = 5_000;

    private final OutboundShops shops;
    private final Reconciliation reconciliation;
    private final ShopBreakers breakers;
    private final ShopPaces paces;
    private final ShopSenders senders;
    private final ReconcileRequestStore requests;
    private final Clock clock;
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    public ReconciliationRoutes(OutboundShops shops, Reconciliation reconciliation, ShopBreakers breakers, ShopPaces paces,
            ShopSenders senders, ReconcileRequestStore requests, Clock clock) {
        this.paces = paces;
        this.senders = senders;
        this.requests = requests;
        this.clock = clock;
        this.shops = shops;
        this.reconciliation = reconciliation;
        this.breakers = breakers;
    }

    public static String routeId(String connection) {
        return "reconcile-" + connection;
    }

    @Override
    public void configure() {
        for (OutboundShop shop : shops.all()) {
            if (shop.reconcileInterval() != null) {
                long every = shop.reconcileInterval().toMillis();
                // first run one interval after start-up, not at every restart; stateful: never two firings at once
                from("quartz:stockbridge/" + routeId(shop.id()) + "?stateful=true&trigger.repeatInterval=" + every
                        + "&trigger.repeatCount=-1&triggerStartDelay=" + every)
                        .routeId(routeId(shop.id()) + "-schedule")
                        .routeDescription("Reconciles " + shop.id() + " every " + shop.reconcileInterval())
                        .to(Reconciliation.endpoint(shop.id()));
            }
            if (!reconciliation.readsValues(shop)) {
                from(Reconciliation.endpoint(shop.id())).routeId(routeId(shop.id()))
                        .routeDescription("Reconciles " + shop.id() + " by a full push (its values cannot be read back)")
                        .process(exchange -> reconciliation.pushEverything(shop));
                continue;
            }
            if (senders.oneSenderPerShop()) {
                // every instance looks; only the one sending to the shop takes a request another instance left
                // requests are done once a run has read the whole list: a sender that dies mid-run, or a run that stops
                // at a page it cannot read, leaves them to the next
                from("timer:" + routeId(shop.id()) + "-requests?period=" + REQUEST_CHECK_MILLIS + "&delay=" + REQUEST_CHECK_MILLIS)
                        .routeId(routeId(shop.id()) + "-requests")
                        .routeDescription("Runs the reconciliations of " + shop.id() + " other instances asked for")
                        // a paused shop keeps its request waiting, without a warning every few seconds
                        .filter(exchange -> !breakers.of(shop.id()).paused() && senders.sendsTo(shop.id())
                                && requests.waiting(shop.id()))
                        .process(exchange -> exchange.setProperty(STARTED, clock.instant()))
                        .to(Reconciliation.endpoint(shop.id()))
                        .filter(exchangeProperty(READ_ALL).isEqualTo(true))
                        .process(exchange -> requests.done(shop.id(), exchange.getProperty(STARTED, Instant.class)));
            }
            ProductCatalog catalog = shop.catalog().orElseThrow();
            from(Reconciliation.endpoint(shop.id())).routeId(routeId(shop.id()))
                    .routeDescription("Reads " + shop.id() + "'s product list and corrects the stock and prices it shows wrong")
                    .process(exchange -> {
                        boolean runs = startsHere(shop, exchange);
                        if (runs) {
                            reconciliation.retryFailed(shop);
                        }
                        exchange.setProperty(RAN, runs);
                        exchange.setProperty(READ_ALL, false);
                        exchange.setProperty(PAGE, 1);
                        exchange.removeProperty(PREVIOUS);
                        exchange.removeProperty(VALUES);
                        exchange.setProperty(MORE, runs);
                        exchange.setProperty(CORRECTED, 0);
                        exchange.setProperty(LISTED, 0);
                    })
                    .loopDoWhile(exchangeProperty(MORE).isEqualTo(true))
                        .process(exchange -> {
                            ProductPage previous = exchange.getProperty(PREVIOUS, ProductPage.class);
                            @SuppressWarnings("unchecked")
                            Deque<ShopRequest> pending = exchange.getProperty(VALUES, Deque.class);
                            ShopRequest values = pending == null ? null : pending.poll();
                            exchange.setProperty(READING_VALUES, values != null);
                            exchange.getIn().setBody(values != null ? values : previous == null
                                    ? catalog.productPageRequest(shop.connection(), 1)
                                    : catalog.nextPageRequest(shop.connection(), previous));
                            exchange.removeProperty(ShopExchange.UNREACHABLE);
                            ShopExchange.prepare(exchange, shop);
                        })
                        .process(paces.turn(shop))
                        .doTry()
                            .to(ShopExchange.endpoint(shop, false))
                        .doCatch(Exception.class)
                            .setProperty(ShopExchange.UNREACHABLE, constant(true))
                        .end()
                        .process(ShopPaces.answered())
                        .process(exchange -> readPage(shop, catalog, exchange))
                    .end()
                    .filter(exchangeProperty(RAN).isEqualTo(true))
                        .process(exchange -> LOG.info("{}: reconciliation read {} products, corrected {} values", shop.id(),
                                exchange.getProperty(LISTED), exchange.getProperty(CORRECTED)));
        }
    }

    /**
     * Whether this run reads the shop's list: not while the shop is paused; not on an instance that does not send
     * to it (the run is left to the sender); not while another run of the shop is under way here (the API, the
     * schedule and the requests route can each start one).
     */
    private boolean startsHere(OutboundShop shop, Exchange exchange) {
        if (breakers.of(shop.id()).paused()) {
            LOG.warn("{}: reconciliation skipped: the shop is paused by its circuit breaker", shop.id());
            return false;
        }
        if (!senders.sendsTo(shop.id())) {
            // reading the list here would add requests the sending instance's pace does not see
            LOG.info("{}: another instance sends to the shop: the reconciliation is left for it", shop.id());
            requests.request(shop.id(), clock.instant());
            return false;
        }
        if (!running.add(shop.id())) {
            LOG.info("{}: a reconciliation of the shop is under way: this one is not started", shop.id());
            return false;
        }
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                running.remove(shop.id());
            }
        });
        return true;
    }

    private void readPage(OutboundShop shop, ProductCatalog catalog, Exchange exchange) {
        ShopRequest request = exchange.getProperty(ShopExchange.REQUEST, ShopRequest.class);
        exchange.setProperty(MORE, false);
        boolean values = exchange.getProperty(READING_VALUES, false, Boolean.class);
        String where = (values ? "the values of page " : "page ") + request.page();
        if (exchange.getProperty(ShopExchange.UNREACHABLE, false, Boolean.class)) {
            LOG.warn("{}: reconciliation stopped at {}: {}", shop.id(), where, ShopExchange.unreachableReason(exchange));
            return;
        }
        ProductPage page;
        try {
            ShopAnswer answer = ShopExchange.received(exchange);
            page = catalog.readProducts(shop.connection(), request, answer.status(), answer.headers(), answer.body());
        } catch (ShopAnswerException e) {
            LOG.warn("{}: reconciliation stopped at {}: {}", shop.id(), where, e.getMessage());
            return;
        }
        if (!values) {
            exchange.setProperty(LISTED, exchange.getProperty(LISTED, Integer.class) + page.products().size());
        }
        exchange.setProperty(CORRECTED, exchange.getProperty(CORRECTED, Integer.class) + reconciliation.correct(shop, page));
        ProductPage listed = values ? exchange.getProperty(PREVIOUS, ProductPage.class) : page;
        exchange.setProperty(PREVIOUS, listed);
        if (!values) {
            // the rest of this page's values, before the next page
            exchange.setProperty(VALUES, new ArrayDeque<>(catalog.valuesRequests(shop.connection(), page)));
        }
        @SuppressWarnings("unchecked")
        Deque<ShopRequest> pending = exchange.getProperty(VALUES, Deque.class);
        if (!pending.isEmpty()) {
            exchange.setProperty(MORE, true);
        } else if (!listed.last()) {
            exchange.setProperty(PAGE, exchange.getProperty(PAGE, Integer.class) + 1);
            exchange.setProperty(MORE, true);
        } else {
            exchange.setProperty(READ_ALL, true);
        }
    }
}
