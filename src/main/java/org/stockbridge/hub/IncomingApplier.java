package org.stockbridge.hub;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Applies a batch from a superior connection: match each product to a hub product ({@link ProductMatcher}), create
 * or report the unknown ones, link the matches to the connection, apply product data per the connection's product
 * master mode ({@link ProductDataApplier}), map warehouses ({@link WarehouseResolver}), then apply stock and prices through the
 * {@link ValueChangeApplier} (row locks, sync records, outbox). Runs inside the caller's transaction.
 */
@Component
class IncomingApplier {

    private final ReferenceDataStore reference;
    private final ProductMatcher matcher;
    private final ProductStore products;
    private final LinkStore links;
    private final ProductDataApplier productData;
    private final WarehouseResolver warehouses;
    private final ValueChangeApplier values;
    private final Clock clock;

    IncomingApplier(ReferenceDataStore reference, ProductMatcher matcher, ProductStore products, LinkStore links,
            ProductDataApplier productData, WarehouseResolver warehouses, ValueChangeApplier values, Clock clock) {
        this.reference = reference;
        this.matcher = matcher;
        this.products = products;
        this.links = links;
        this.productData = productData;
        this.warehouses = warehouses;
        this.values = values;
        this.clock = clock;
    }

    IncomingResult apply(IncomingBatch batch, ValueTable<Integer> stock, ValueChanges<StockChange, Integer> stockKind,
            ValueTable<java.math.BigDecimal> prices, ValueChanges<PriceChange, java.math.BigDecimal> priceKind) {
        Connection connection = reference.connection(batch.connection())
                .orElseThrow(() -> HubException.invalid("unknown connection '" + batch.connection() + "'"));
        ProductMatcher.Matches matches = matcher.match(batch, connection.matchBy());
        Map<IncomingProduct, String> skuOf = matches.skuOf();
        List<ChangeProblem> problems = matches.problems();
        Map<IncomingProduct, String> matchedBy = new IdentityHashMap<>(matches.matchedBy());

        List<IncomingProduct> unknown = new ArrayList<>();
        List<IncomingProduct> toCreate = new ArrayList<>();
        Set<String> creating = new LinkedHashSet<>();
        for (IncomingProduct p : batch.products()) {
            if (skuOf.containsKey(p) || matches.refused().contains(p)) {
                continue;
            }
            String newSku = batch.key() == ProductKey.SKU ? p.key() : p.sku();
            if (!batch.createUnknown() || newSku == null) {
                unknown.add(p);
                continue;
            }
            if (creating.add(newSku)) {
                toCreate.add(withSku(p, newSku));
            }
            skuOf.put(p, newSku);
            matchedBy.put(p, "created");
        }
        if (!toCreate.isEmpty()) {
            products.createAll(toCreate, clock.instant());
        }

        Map<String, Long> ids = new HashMap<>(matches.ids());
        Set<String> notLookedUp = new LinkedHashSet<>(skuOf.values());
        notLookedUp.removeAll(ids.keySet());
        if (!notLookedUp.isEmpty()) {
            ids.putAll(products.idsBySku(notLookedUp)); // created, or matched by EAN or name
        }
        Map<Long, IncomingProduct> byProduct = new LinkedHashMap<>();
        Map<Long, String> byWhat = new HashMap<>();
        // in the file's order (not the identity map's): the links made from it are stored in that order, the order
        // the connection's next files list their products in, which LinkedValues follows without hash lookups
        for (IncomingProduct p : batch.products()) {
            String sku = skuOf.get(p);
            if (sku != null && byProduct.putIfAbsent(ids.get(sku), p) == null) {
                byWhat.put(ids.get(sku), matchedBy.get(p));
            }
        }
        // a product found through its link is linked already: only the others may need a new link
        Map<Long, IncomingProduct> unlinked = new LinkedHashMap<>(byProduct);
        unlinked.keySet().removeIf(id -> "link".equals(byWhat.get(id)));
        links.addMissing(batch.connection(), unlinked, byWhat, clock.instant());
        Map<Long, IncomingProduct> matchedExisting = new LinkedHashMap<>(byProduct);
        matchedExisting.keySet().removeIf(id -> "created".equals(byWhat.get(id)));
        productData.apply(connection, matchedExisting);
        var warehouseOf = warehouses.forBatch(connection);

        List<StockChange> stockChanges = new ArrayList<>();
        List<PriceChange> priceChanges = new ArrayList<>();
        for (IncomingProduct p : batch.products()) {
            String sku = skuOf.get(p);
            if (sku == null) {
                continue;
            }
            if (p.stock() != null) {
                stockChanges.add(StockChange.set(sku, warehouseOf.apply(p.warehouse()), p.stock(), p.origin()));
            }
            if (p.price() != null && batch.priceGroup() != null) {
                priceChanges.add(new PriceChange(sku, batch.priceGroup(), p.price(), p.origin()));
            }
        }
        List<BatchResult> applied = values.applyAll(batch.connection(), ids, List.of(
                new ValueChangeApplier.Part<>(stockChanges, stock, stockKind),
                new ValueChangeApplier.Part<>(priceChanges, prices, priceKind)), !batch.compared());
        BatchResult stockResult = applied.get(0);
        BatchResult priceResult = applied.get(1);
        if (!problems.isEmpty()) {
            stockResult = stockResult.plus(new BatchResult(0, 0, problems));
        }
        return new IncomingResult(stockResult, priceResult, unknown, toCreate.size(),
                byProduct.keySet().stream().mapToLong(Long::longValue).toArray());
    }

    private static IncomingProduct withSku(IncomingProduct p, String sku) {
        return new IncomingProduct(p.key(), sku, p.ean(), p.name(), p.stock(), p.price(), p.warehouse(), p.origin(),
                p.linkedProduct());
    }
}
