package org.stockbridge.route;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.stockbridge.format.ProductCatalog;
import org.stockbridge.format.ProductPage;
import org.stockbridge.format.ShopAnswer;
import org.stockbridge.format.ShopAnswerException;
import org.stockbridge.format.ShopRequest;
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
 * the shop's one limit, and a reconciliation beside a heavy push slows both rather than overrunning the shop. On an
 * instance that does not send to the shop ({@link ShopSenders}) the run is a full push instead: the outbox entries
 * go out from the sending instance, within its pace.
 */
@Component
public class ReconciliationRoutes extends RouteBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationRoutes.class);
    private static final String PAGE = "StockbridgeReconcilePage";
    /** The page read last: the next request continues from it (by number, or by the shop's cursor). */
    private static final String PREVIOUS = "StockbridgeReconcilePrevious";
    private static final String MORE = "StockbridgeReconcileMore";
    private static final String CORRECTED = "StockbridgeReconcileCorrected";
    private static final String LISTED = "StockbridgeReconcileListed";

    private final OutboundShops shops;
    private final Reconciliation reconciliation;
    private final ShopBreakers breakers;
    private final ShopPaces paces;
    private final ShopSenders senders;

    public ReconciliationRoutes(OutboundShops shops, Reconciliation reconciliation, ShopBreakers breakers, ShopPaces paces,
            ShopSenders senders) {
        this.paces = paces;
        this.senders = senders;
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
                // first run one interval after start-up, not at every restart; stateful: never two runs at once
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
            ProductCatalog catalog = shop.catalog().orElseThrow();
            from(Reconciliation.endpoint(shop.id())).routeId(routeId(shop.id()))
                    .routeDescription("Reads " + shop.id() + "'s product list and corrects the stock and prices it shows wrong")
                    .process(exchange -> {
                        boolean paused = breakers.of(shop.id()).paused();
                        boolean sender = !paused && senders.sendsTo(shop.id());
                        if (paused) {
                            LOG.warn("{}: reconciliation skipped: the shop is paused by its circuit breaker", shop.id());
                        } else if (!sender) {
                            // reading the list here would add requests the sending instance's pace does not see
                            LOG.info("{}: another instance sends to the shop: reconciled by a full push, which it sends",
                                    shop.id());
                            reconciliation.pushEverything(shop);
                        } else {
                            reconciliation.retryFailed(shop);
                        }
                        exchange.setProperty(PAGE, 1);
                        exchange.removeProperty(PREVIOUS);
                        exchange.setProperty(MORE, sender);
                        exchange.setProperty(CORRECTED, 0);
                        exchange.setProperty(LISTED, 0);
                    })
                    .loopDoWhile(exchangeProperty(MORE).isEqualTo(true))
                        .process(exchange -> {
                            ProductPage previous = exchange.getProperty(PREVIOUS, ProductPage.class);
                            exchange.getIn().setBody(previous == null ? catalog.productPageRequest(shop.connection(), 1)
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
                    .process(exchange -> LOG.info("{}: reconciliation read {} products, corrected {} values", shop.id(),
                            exchange.getProperty(LISTED), exchange.getProperty(CORRECTED)));
        }
    }

    private void readPage(OutboundShop shop, ProductCatalog catalog, Exchange exchange) {
        ShopRequest request = exchange.getProperty(ShopExchange.REQUEST, ShopRequest.class);
        exchange.setProperty(MORE, false);
        if (exchange.getProperty(ShopExchange.UNREACHABLE, false, Boolean.class)) {
            LOG.warn("{}: reconciliation stopped at page {}: {}", shop.id(), request.page(), ShopExchange.unreachableReason(exchange));
            return;
        }
        ProductPage page;
        try {
            ShopAnswer answer = ShopExchange.received(exchange);
            page = catalog.readProducts(shop.connection(), request, answer.status(), answer.headers(), answer.body());
        } catch (ShopAnswerException e) {
            LOG.warn("{}: reconciliation stopped at page {}: {}", shop.id(), request.page(), e.getMessage());
            return;
        }
        exchange.setProperty(LISTED, exchange.getProperty(LISTED, Integer.class) + page.products().size());
        exchange.setProperty(CORRECTED, exchange.getProperty(CORRECTED, Integer.class) + reconciliation.correct(shop, page));
        if (!page.last()) {
            exchange.setProperty(PAGE, exchange.getProperty(PAGE, Integer.class) + 1);
            exchange.setProperty(PREVIOUS, page);
            exchange.setProperty(MORE, true);
        }
    }
}
