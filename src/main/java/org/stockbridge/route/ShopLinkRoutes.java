package org.stockbridge.route;

import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.LoopDefinition;
import org.apache.camel.model.SplitDefinition;
import org.springframework.stereotype.Component;
import org.stockbridge.format.ProductCatalog;
import org.stockbridge.format.ProductExport;
import org.stockbridge.format.ShopProduct;
import org.stockbridge.hub.IncomingProduct;
import org.stockbridge.hub.MatchField;
import org.stockbridge.hub.ShopLinks;
import org.stockbridge.links.CatalogRead;
import org.stockbridge.links.ExportOrder;
import org.stockbridge.links.ProductsToShopRun;
import org.stockbridge.push.DryRunFiles;
import org.stockbridge.push.OutboundShop;
import org.stockbridge.push.OutboundShops;

import static org.stockbridge.links.ShopLinkEndpoints.catalogReadRoute;
import static org.stockbridge.links.ShopLinkEndpoints.direct;
import static org.stockbridge.links.ShopLinkEndpoints.linksMatchRoute;
import static org.stockbridge.links.ShopLinkEndpoints.productsToShopRoute;

/**
 * Linking on demand, per shop the hub sends to (the admin API starts them through their {@code direct:}
 * endpoints, and Hawtio shows them by id):
 * <ul>
 *   <li>{@code <connection>-catalog-read}: the shop's whole product list, page by page through Camel's HTTP
 *       component, taking turns in the shop's pace with its pushes ({@link ShopPaces}); a failed page is retried by the shared error handling
 *       ({@link ErrorHandlingRoutes}: backoff, {@code Retry-After});</li>
 *   <li>{@code <connection>-links-match}: that list matched to hub products ({@link ShopLinks#match});</li>
 *   <li>{@code <connection>-products-to-shop}: hub products the shop lacks created there and linked to the ids
 *       it answers with. Creates are not retried automatically: a create sent twice may make a duplicate.</li>
 * </ul>
 * A shop in dry-run gets products-to-shop only, writing the create requests to files; its product list is not
 * read, since in dry-run nothing is sent to the shop.
 */
@Component
public class ShopLinkRoutes extends RouteBuilder {

    private static final String CATALOG = "StockbridgeCatalogRead";
    private static final String EXPORT = "StockbridgeProductsToShop";

    private final OutboundShops shops;
    private final ShopLinks links;
    private final DryRunFiles dryRunFiles;
    private final ShopPaces paces;

    public ShopLinkRoutes(OutboundShops shops, ShopLinks links, DryRunFiles dryRunFiles, ShopPaces paces) {
        this.paces = paces;
        this.shops = shops;
        this.links = links;
        this.dryRunFiles = dryRunFiles;
    }

    @Override
    public void configure() {
        for (OutboundShop shop : shops.all()) {
            if (shop.format() instanceof ProductCatalog catalog && !shop.dryRun()) {
                catalogRead(shop, catalog);
                linksMatch(shop);
            }
            if (shop.format() instanceof ProductExport export) {
                productsToShop(shop, export);
            }
        }
    }

    private void catalogRead(OutboundShop shop, ProductCatalog catalog) {
        String id = catalogReadRoute(shop.id());
        // the loop's steps are added to the loop itself, so that end() closes the loop unambiguously
        LoopDefinition pages = from(direct(id)).routeId(id)
                .routeDescription(shop.id() + " product list read from " + shop.baseUrl() + ", every page")
                .process(exchange -> exchange.setProperty(CATALOG, new CatalogRead(shop, catalog)))
                .loopDoWhile(exchange -> catalog(exchange).more());
        pages.process(exchange -> exchange.getIn().setBody(catalog(exchange).nextRequest()));
        pages.process(exchange -> ShopExchange.prepare(exchange, shop));
        // a page that fails is redelivered by the shared error handling, each attempt on a turn of its own; after
        // the last one the exchange ends with the failure, and its turn goes back with it (PaceTurn)
        pages.process(paces.turn(shop));
        // a 404 is an answer for the format to read (a WooCommerce parent deleted mid-walk has no variations left),
        // not a fault to retry: the format refuses it where it means a wrong address
        pages.to(ShopExchange.endpoint(shop, true) + "&okStatusCodeRange=200-299,404");
        pages.process(ShopPaces.answered());
        pages.process(exchange -> catalog(exchange).read(ShopExchange.request(exchange), ShopExchange.received(exchange)));
        pages.end().process(exchange -> exchange.getIn().setBody(catalog(exchange).products()));
    }

    private void linksMatch(OutboundShop shop) {
        String id = linksMatchRoute(shop.id());
        from(direct(id)).routeId(id)
                .routeDescription(shop.id() + " products linked to hub products by SKU, EAN or name, from its product list")
                .to(direct(catalogReadRoute(shop.id())))
                .process(exchange -> {
                    @SuppressWarnings("unchecked")
                    List<ShopProduct> listed = exchange.getIn().getBody(List.class);
                    @SuppressWarnings("unchecked")
                    List<MatchField> by = exchange.getProperty(org.stockbridge.links.ShopLinkEndpoints.MATCH_BY, List.class);
                    exchange.getIn().setBody(links.match(shop.id(), listed.stream().map(ShopLinkRoutes::incoming).toList(),
                            by == null ? List.of(MatchField.SKU) : by));
                });
    }

    private void productsToShop(OutboundShop shop, ProductExport export) {
        String id = productsToShopRoute(shop.id());
        SplitDefinition each = from(direct(id)).routeId(id)
                .routeDescription(shop.id() + " hub products it lacks created there and linked"
                        + (shop.dryRun() ? " (dry-run: requests written to files)" : ""))
                .process(exchange -> {
                    ProductsToShopRun run = ProductsToShopRun.plan(shop, export, links,
                            exchange.getIn().getBody(ExportOrder.class));
                    exchange.setProperty(EXPORT, run);
                    exchange.getIn().setBody(run.requests());
                })
                .split(body());
        each.process(exchange -> ShopExchange.prepare(exchange, shop));
        each.process(paces.turn(shop));
        if (shop.dryRun()) {
            each.process(ShopPaces.answered());
            each.process(exchange -> {
                exchange.getIn().removeHeaders("*");
                dryRunFiles.write(shop, ShopExchange.request(exchange));
                run(exchange).recordDryRun(ShopExchange.request(exchange));
            });
        } else {
            // only the transport is inside doTry, as in hub-to-shop; no redelivery: see the class comment
            each.doTry()
                    .to(ShopExchange.endpoint(shop, false))
                .doCatch(Exception.class)
                    .setProperty(ShopExchange.UNREACHABLE, constant(true))
                .end();
            each.process(ShopPaces.answered());
            each.process(exchange -> {
                if (exchange.getProperty(ShopExchange.UNREACHABLE, false, Boolean.class)) {
                    run(exchange).recordUnreachable(ShopExchange.request(exchange), ShopExchange.unreachableReason(exchange));
                } else {
                    var answer = ShopExchange.received(exchange);
                    run(exchange).record(ShopExchange.request(exchange), export.readCreated(ShopExchange.request(exchange),
                            answer.status(), answer.headers(), answer.body()));
                }
            });
        }
        each.end().process(exchange -> exchange.getIn().setBody(run(exchange).report()));
    }

    private static IncomingProduct incoming(ShopProduct product) {
        return new IncomingProduct(product.externalId(), product.sku(), product.ean(), product.name(), null, null, null,
                "shop product " + product.externalId());
    }

    private static CatalogRead catalog(Exchange exchange) {
        return exchange.getProperty(CATALOG, CatalogRead.class);
    }

    private static ProductsToShopRun run(Exchange exchange) {
        return exchange.getProperty(EXPORT, ProductsToShopRun.class);
    }
}
