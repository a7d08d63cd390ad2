package org.stockbridge.hub;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Applies a batch from a superior connection: match each key to a hub product (by SKU or EAN), create or report
 * the unknown ones, link the matches to the connection, then apply stock and prices through the
 * {@link ValueChangeApplier} (row locks, sync records, outbox). Runs inside the caller's transaction.
 */
@Component
class IncomingApplier {

    private final ProductStore products;
    private final LinkStore links;
    private final ValueChangeApplier values;
    private final Clock clock;

    IncomingApplier(ProductStore products, LinkStore links, ValueChangeApplier values, Clock clock) {
        this.products = products;
        this.links = links;
        this.values = values;
        this.clock = clock;
    }

    IncomingResult apply(IncomingBatch batch, ValueTable<Integer> stock, ValueChanges<StockChange, Integer> stockKind,
            ValueTable<java.math.BigDecimal> prices, ValueChanges<PriceChange, java.math.BigDecimal> priceKind) {
        List<ChangeProblem> problems = new ArrayList<>();
        Set<IncomingProduct> ambiguous = new java.util.HashSet<>();
        Map<IncomingProduct, String> skuOf = match(batch, problems, ambiguous);

        List<IncomingProduct> unknown = new ArrayList<>();
        List<IncomingProduct> toCreate = new ArrayList<>();
        Set<String> creating = new LinkedHashSet<>();
        for (IncomingProduct p : batch.products()) {
            if (skuOf.containsKey(p) || ambiguous.contains(p)) {
                continue;
            }
            String newSku = batch.key() == ProductKey.SKU ? p.key() : p.sku();
            if (!batch.createUnknown() || newSku == null) {
                unknown.add(p);
            } else if (creating.add(newSku)) {
                toCreate.add(withSku(p, newSku));
                skuOf.put(p, newSku);
            } else {
                skuOf.put(p, newSku);
            }
        }
        if (!toCreate.isEmpty()) {
            products.createAll(toCreate, clock.instant());
        }

        Map<String, Long> ids = products.idsBySku(new LinkedHashSet<>(skuOf.values()));
        Map<Long, IncomingProduct> byProduct = new LinkedHashMap<>();
        skuOf.forEach((p, sku) -> byProduct.putIfAbsent(ids.get(sku), p));
        links.addMissing(batch.connection(), byProduct, batch.key().name().toLowerCase(Locale.ROOT), clock.instant());

        List<StockChange> stockChanges = new ArrayList<>();
        List<PriceChange> priceChanges = new ArrayList<>();
        for (IncomingProduct p : batch.products()) {
            String sku = skuOf.get(p);
            if (sku == null) {
                continue;
            }
            if (p.stock() != null) {
                stockChanges.add(StockChange.set(sku, p.warehouse(), p.stock(), p.origin()));
            }
            if (p.price() != null && batch.priceGroup() != null) {
                priceChanges.add(new PriceChange(sku, batch.priceGroup(), p.price(), p.origin()));
            }
        }
        BatchResult stockResult = values.apply(batch.connection(), stockChanges, stock, stockKind);
        BatchResult priceResult = values.apply(batch.connection(), priceChanges, prices, priceKind);
        if (!problems.isEmpty()) {
            stockResult = stockResult.plus(new BatchResult(0, 0, problems));
        }
        return new IncomingResult(stockResult, priceResult, unknown, toCreate.size(),
                byProduct.keySet().stream().mapToLong(Long::longValue).toArray());
    }

    /** Hub SKU of every incoming product whose key is known; an EAN shared by several products is a problem. */
    private Map<IncomingProduct, String> match(IncomingBatch batch, List<ChangeProblem> problems,
            Set<IncomingProduct> ambiguous) {
        Set<String> keys = new LinkedHashSet<>();
        batch.products().forEach(p -> keys.add(p.key()));
        Map<IncomingProduct, String> skuOf = new HashMap<>();
        if (batch.key() == ProductKey.SKU) {
            Map<String, Long> known = products.idsBySku(keys);
            batch.products().stream().filter(p -> known.containsKey(p.key())).forEach(p -> skuOf.put(p, p.key()));
            return skuOf;
        }
        Map<String, List<String>> byEan = products.skusByEan(keys);
        for (IncomingProduct p : batch.products()) {
            List<String> skus = byEan.get(p.key());
            if (skus == null) {
                continue;
            }
            if (skus.size() > 1) {
                problems.add(new ChangeProblem(p.key(), "EAN " + p.key() + " belongs to several hub products " + skus,
                        p.origin(), HubException.Kind.INVALID));
                ambiguous.add(p);
            } else {
                skuOf.put(p, skus.get(0));
            }
        }
        return skuOf;
    }

    private static IncomingProduct withSku(IncomingProduct p, String sku) {
        return new IncomingProduct(p.key(), sku, p.ean(), p.name(), p.stock(), p.price(), p.warehouse(), p.origin());
    }
}
