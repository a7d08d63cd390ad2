package org.stockbridge.rules;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One pass of quantity computation over a fixed rule set, started with {@link SyncRuleEngine#startComputation()}.
 * Caches the winning rule per SKU, so asking for the same SKU for ten shops looks the rules up once.
 * Not thread-safe and meant to be short-lived (the cache grows with every SKU asked for).
 */
public final class SyncComputation {

    private final RuleIndex index;
    private final Map<String, Optional<SyncRule>> ruleBySku = new HashMap<>();

    SyncComputation(RuleIndex index) {
        this.index = index;
    }

    /** See {@link SyncRuleEngine#quantityFor}. */
    public ShopQuantity quantityFor(String shop, String sku, Map<String, Integer> availableByWarehouse,
                                    Collection<String> shopDefaultWarehouses) {
        Objects.requireNonNull(shop, "shop");
        Objects.requireNonNull(sku, "sku");
        Map<String, Integer> available = availableByWarehouse == null ? Map.of() : availableByWarehouse;
        SyncRule rule = ruleBySku.computeIfAbsent(sku, s -> Optional.ofNullable(index.winnerFor(s))).orElse(null);
        if (rule != null && rule.shops().contains(shop)) {
            return RuleSteps.apply(rule, shop, StockSum.over(rule.warehouses(), available));
        }
        return byDefault(rule, shop, available, shopDefaultWarehouses);
    }

    /** See {@link SyncRuleEngine#quantitiesFor}. */
    public Map<String, ShopQuantity> quantitiesFor(String shop, Map<String, Map<String, Integer>> availableBySku,
                                                   Collection<String> shopDefaultWarehouses) {
        Map<String, ShopQuantity> result = new LinkedHashMap<>(Math.max(16, availableBySku.size() * 4 / 3 + 1));
        availableBySku.forEach((sku, available) ->
                result.put(sku, quantityFor(shop, sku, available, shopDefaultWarehouses)));
        return result;
    }

    private static ShopQuantity byDefault(SyncRule shadowing, String shop, Map<String, Integer> available,
                                          Collection<String> shopDefaultWarehouses) {
        // A set, so a warehouse listed twice in the shop's settings is not counted twice.
        Collection<String> warehouses = shopDefaultWarehouses == null
                ? List.of() : new LinkedHashSet<>(shopDefaultWarehouses);
        StockSum sum = StockSum.over(warehouses, available);
        String why = shadowing == null
                ? "no rule for this SKU"
                : shadowing.label() + " wins for this SKU but does not include shop " + shop;
        return new ShopQuantity(sum.total(), null, why + ", default " + sum.text() + " → " + sum.total());
    }
}
