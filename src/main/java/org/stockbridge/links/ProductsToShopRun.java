package org.stockbridge.links;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.stockbridge.format.ItemResult;
import org.stockbridge.format.ItemResults;
import org.stockbridge.format.NewProduct;
import org.stockbridge.format.ProductExport;
import org.stockbridge.format.ShopRequest;
import org.stockbridge.hub.ExportOutcome;
import org.stockbridge.hub.ShopLinks;
import org.stockbridge.push.OutboundShop;

/**
 * One products-to-shop run: the create requests for the products chosen, and each answer recorded as it comes
 * (links and sync records in the hub, an item in the report). Created products are never created again by a
 * retry: a create is not an absolute value like a stock push, and sending it twice could make a duplicate, so a
 * product the shop could not take now is reported failed and exported again only when an operator asks.
 */
public final class ProductsToShopRun {

    private final OutboundShop shop;
    private final ShopLinks links;
    private final List<ShopRequest> requests;
    private final List<String> alreadyLinked;
    private final List<ProductsToShopReport.Item> items = Collections.synchronizedList(new ArrayList<>());

    private ProductsToShopRun(OutboundShop shop, ShopLinks links, List<ShopRequest> requests, List<String> alreadyLinked) {
        this.shop = shop;
        this.links = links;
        this.requests = requests;
        this.alreadyLinked = alreadyLinked;
    }

    /** Chooses the products ({@link ShopLinks#toExport}) and builds their create requests. */
    public static ProductsToShopRun plan(OutboundShop shop, ProductExport export, ShopLinks links, ExportOrder order) {
        ShopLinks.ExportSelection selection = links.toExport(shop.id(), order.skus(), order.limit());
        List<NewProduct> products = selection.products().stream()
                .map(p -> new NewProduct(p.sku(), p.ean(), p.name())).toList();
        List<ShopRequest> requests = products.isEmpty() ? List.of() : export.createRequests(shop.connection(), products);
        return new ProductsToShopRun(shop, links, requests, selection.alreadyLinked());
    }

    public List<ShopRequest> requests() {
        return requests;
    }

    /** The format's reading of the shop's answer to one request. */
    public void record(ShopRequest request, ItemResults results) {
        record(request, results.results().stream().map(ProductsToShopRun::outcome).toList(), false);
    }

    /** The request never reached the shop: nothing was created. */
    public void recordUnreachable(ShopRequest request, String reason) {
        record(request, request.items().stream().map(item -> ExportOutcome.failed(item.sku(), reason)).toList(), false);
    }

    /** Dry-run: the request was written to a file instead of sent. */
    public void recordDryRun(ShopRequest request) {
        record(request, request.items().stream().map(item -> new ExportOutcome(item.sku(), null, null)).toList(), true);
    }

    private void record(ShopRequest request, List<ExportOutcome> outcomes, boolean dryRun) {
        links.recordExport(shop.id(), request.id(), outcomes, dryRun);
        outcomes.forEach(o -> items.add(new ProductsToShopReport.Item(o.sku(),
                dryRun ? ShopLinks.DRY_RUN : o.isCreated() ? "ok" : ShopLinks.FAILED, o.externalId(), o.failure())));
    }

    private static ExportOutcome outcome(ItemResult result) {
        return switch (result.outcome()) {
            case OK -> result.item().externalId() == null
                    ? ExportOutcome.failed(result.item().sku(), "the shop's answer gives no id for it")
                    : ExportOutcome.created(result.item().sku(), result.item().externalId());
            case FAILED -> ExportOutcome.failed(result.item().sku(), result.reason());
            case RETRYABLE -> ExportOutcome.failed(result.item().sku(), "the shop could not take it now: " + result.reason());
        };
    }

    public ProductsToShopReport report() {
        List<ProductsToShopReport.Item> all = List.copyOf(items);
        int created = (int) all.stream().filter(i -> i.externalId() != null).count();
        int failed = (int) all.stream().filter(i -> ShopLinks.FAILED.equals(i.result())).count();
        return new ProductsToShopReport(shop.id(), shop.dryRun(), created, failed, alreadyLinked, all);
    }
}
