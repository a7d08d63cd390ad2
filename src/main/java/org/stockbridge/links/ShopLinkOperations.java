package org.stockbridge.links;

import java.util.List;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.springframework.stereotype.Service;
import org.stockbridge.format.AnswerProblem;
import org.stockbridge.format.ProductCatalog;
import org.stockbridge.format.ProductExport;
import org.stockbridge.format.ShopAnswer;
import org.stockbridge.format.ShopAnswerException;
import org.stockbridge.format.ShopProduct;
import org.stockbridge.hub.HubException;
import org.stockbridge.hub.LinkMatchReport;
import org.stockbridge.hub.MatchField;
import org.stockbridge.hub.Product;
import org.stockbridge.hub.ReferenceDataStore;
import org.stockbridge.hub.ShopLinks;
import org.stockbridge.push.OutboundShop;
import org.stockbridge.push.OutboundShops;
import org.stockbridge.push.ShopSenders;

/**
 * What the admin API asks of a shop's links: it checks the shop can do it, then runs the shop's route
 * ({@link ShopLinkEndpoints}) and waits for its answer.
 * <p>
 * The shop side of "unlinked" is read from the shop on demand rather than stored from the last match: a stored
 * list is stale as soon as someone edits the shop, needs a table of its own, and a shop's list is cheap to read
 * (WooCommerce 100 and BaseLinker 1000 products per request, within the shop's rate limit).
 */
@Service
public class ShopLinkOperations {

    private final ProducerTemplate producer;
    private final OutboundShops shops;
    private final ShopLinks links;
    private final ReferenceDataStore reference;
    private final ShopSenders senders;

    public ShopLinkOperations(ProducerTemplate producer, OutboundShops shops, ShopLinks links, ReferenceDataStore reference,
            ShopSenders senders) {
        this.senders = senders;
        this.producer = producer;
        this.shops = shops;
        this.links = links;
        this.reference = reference;
    }

    /** Reads the shop's product list and links each hub product that matches exactly one shop product. */
    public LinkMatchReport match(String connection, String by) {
        List<MatchField> fields;
        try {
            fields = MatchField.parseOrder(by == null || by.isBlank() ? MatchField.SKU.id() : by);
        } catch (IllegalArgumentException e) {
            throw HubException.invalid("by: " + e.getMessage().replace("match-by ", ""));
        }
        readableShop(connection);
        return run(connection, ShopLinkEndpoints.linksMatchRoute(connection), null, fields, LinkMatchReport.class);
    }

    /** Hub products not linked to the connection, by SKU. */
    public List<Product> unlinkedHubProducts(String connection, int offset, int limit) {
        return links.unlinkedProducts(connection, offset, limit);
    }

    /** The shop's products (read now) that no hub product is linked to. */
    public List<ShopProduct> unlinkedShopProducts(String connection) {
        readableShop(connection);
        @SuppressWarnings("unchecked")
        List<ShopProduct> listed = run(connection, ShopLinkEndpoints.catalogReadRoute(connection), null, null, List.class);
        Set<String> linked = links.linkedExternalIds(connection, listed.stream().map(ShopProduct::externalId).toList());
        return listed.stream().filter(p -> !linked.contains(p.externalId())).toList();
    }

    /** Creates the hub products the shop lacks (or the given SKUs) there and links them. */
    public ProductsToShopReport productsToShop(String connection, ExportOrder order) {
        OutboundShop shop = shop(connection);
        if (!(shop.format() instanceof ProductExport)) {
            throw HubException.invalid("connection '" + connection + "': format " + shop.format().name()
                    + " cannot create products in the shop");
        }
        if (!shop.dryRun()) {
            sentFromHere(connection);
        }
        return run(connection, ShopLinkEndpoints.productsToShopRoute(connection), order, null, ProductsToShopReport.class);
    }

    private void readableShop(String connection) {
        OutboundShop shop = shop(connection);
        if (!(shop.format() instanceof ProductCatalog)) {
            throw HubException.invalid("connection '" + connection + "': format " + shop.format().name()
                    + " cannot read the shop's product list");
        }
        if (shop.dryRun()) {
            throw HubException.invalid("connection '" + connection + "' is in dry-run: the hub sends it nothing, "
                    + "so it does not read its product list either");
        }
        sentFromHere(connection);
    }

    private void sentFromHere(String connection) {
        if (!senders.sendsTo(connection)) {
            throw new ShopSentElsewhereException(connection);
        }
    }

    private OutboundShop shop(String connection) {
        return shops.find(connection).orElseThrow(() -> reference.connection(connection).isPresent()
                ? HubException.invalid("connection '" + connection + "' is not a shop the hub sends to "
                        + "(it needs a format and stock or prices inferior)")
                : new HubException(HubException.Kind.NOT_FOUND, "unknown connection '" + connection + "'"));
    }

    private <T> T run(String connection, String routeId, Object body, List<MatchField> by, Class<T> answer) {
        Exchange done = producer.send(ShopLinkEndpoints.direct(routeId), exchange -> {
            exchange.getIn().setBody(body);
            if (by != null) {
                exchange.setProperty(ShopLinkEndpoints.MATCH_BY, by);
            }
        });
        Exception failure = done.getException();
        if (failure == null) {
            return done.getMessage().getBody(answer);
        }
        if (failure instanceof HubException hub) {
            throw hub;
        }
        if (failure instanceof HttpOperationFailedException http) {
            // the shop's own words, as the formats word them for sync records
            ShopAnswer refused = new ShopAnswer(http.getStatusCode(), null, http.getResponseBody());
            String reason = AnswerProblem.ofStatus(refused).map(AnswerProblem::reason).orElse("HTTP " + http.getStatusCode());
            throw new ShopUnavailableException("connection '" + connection + "': route " + routeId + ": the shop answered "
                    + reason, http);
        }
        if (failure instanceof ShopAnswerException shop) {
            throw new ShopUnavailableException("route " + routeId + ": " + shop.getMessage(), shop);
        }
        throw new ShopUnavailableException("connection '" + connection + "': route " + routeId
                + ": could not reach the shop: " + failure.getClass().getSimpleName() + ": " + failure.getMessage(), failure);
    }
}
