package org.stockbridge.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * A sync rule: how the hub's available stock of some SKUs becomes the quantity some shops are shown
 * (BigSeller's "inventory sync rule"). Immutable; check it with {@link SyncRuleValidator} before saving it.
 *
 * <h2>Evaluation order</h2>
 * For a SKU this rule wins (see {@link #PRECEDENCE}) and a shop among {@link #shops()}:
 * <ol>
 *   <li><b>sum</b> — the AVAILABLE stock (on hand − reserved) of the SKU in each of {@link #warehouses()} is added
 *       up; a negative available figure (over-reserved) counts as 0, a warehouse without stock as 0;</li>
 *   <li><b>threshold</b> — if {@link #threshold()} is set and sum &lt; threshold, every shop of the rule gets 0
 *       (sum == threshold is not zeroed);</li>
 *   <li><b>priority shop / safety stock</b> — if {@link #priorityShop()} is set and sum &lt; {@link #safetyStock()},
 *       every other shop of the rule gets 0 and only the priority shop goes on;</li>
 *   <li><b>rate</b> — what is left is scaled by {@link #syncRatePercent()} and rounded DOWN:
 *       {@code floor(sum × rate / 100)}; 1000 at 50 % → 500, 999 at 50 % → 499.</li>
 * </ol>
 * Threshold and safety stock are compared with the unscaled sum, because they speak about stock in the warehouses,
 * not about what a shop shows.
 *
 * <p><b>Below the safety stock the priority shop is shown the rate-scaled sum, not the full sum.</b> Reasons:
 * (1) the rate is the seller's buffer against selling stock the hub has not heard about yet (sync is not
 * real-time, and other channels may sell the same goods), and that risk grows, not shrinks, when stock is low;
 * (2) the full sum would make the number shown jump UP when stock falls below the safety stock (50 %, safety 10:
 * 10 in stock shows 5, 9 in stock would show 9) — a seller would read that as a bug. A seller who wants the
 * priority shop to get everything sets the rate to 100 %. Note that a small sum at a low rate can round down to 0.
 *
 * <p><b>Safety stock ≤ threshold</b>: BigSeller calls the priority-shop setting invalid then. Here it needs no
 * special case: because the threshold is applied first, every sum below such a safety stock is also below the
 * threshold and already 0. {@link SyncRuleValidator} reports it as a warning, not an error. No threshold behaves
 * as threshold 0 for this comparison (a sum is never below 0).
 *
 * @param id              database id, {@code null} until the hub store saved the rule
 * @param name            shown to sellers and in sync records; unique within a rule set (ignoring case)
 * @param skuSelector     which SKUs the rule covers: a list or a pattern
 * @param warehouses      ids of the warehouses whose available stock is summed
 * @param shops           ids of the shop connections the rule sets quantities for
 * @param threshold       optional; sum strictly below it → all the rule's shops get 0
 * @param syncRatePercent 1..100 (default 100); share of the stock a shop is shown, rounded down
 * @param priorityShop    optional; one of {@link #shops()}, the only shop with stock below the safety stock
 * @param safetyStock     required with a priority shop, not allowed without one
 * @param priority        smaller wins when several enabled rules cover one SKU (default {@value #DEFAULT_PRIORITY})
 * @param enabled         a disabled rule is kept (and counts toward the limit of
 *                        {@value SyncRuleValidator#MAX_RULES}) but never matches any SKU
 */
public record SyncRule(
        Long id,
        String name,
        SkuSelector skuSelector,
        List<String> warehouses,
        List<String> shops,
        Integer threshold,
        int syncRatePercent,
        String priorityShop,
        Integer safetyStock,
        int priority,
        boolean enabled) {

    public static final int DEFAULT_SYNC_RATE_PERCENT = 100;

    /** Room above (0..99) and below (101..) the default for specific and catch-all rules, without negative numbers. */
    public static final int DEFAULT_PRIORITY = 100;

    /**
     * Which rule wins when several enabled rules cover one SKU: the smaller {@link #priority()}; on a tie the lower
     * {@link #id()} (the older rule; unsaved rules without an id come last); then the {@link #name()}. Total and
     * stable, so the same rule set always picks the same rule, whatever order the store returned it in.
     */
    public static final Comparator<SyncRule> PRECEDENCE = Comparator
            .comparingInt(SyncRule::priority)
            .thenComparing(SyncRule::id, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(SyncRule::name, Comparator.nullsLast(Comparator.naturalOrder()));

    public SyncRule {
        warehouses = copyOf(warehouses);
        shops = copyOf(shops);
    }

    public boolean hasPriorityShop() {
        return priorityShop != null;
    }

    public SyncRule withId(long newId) {
        return new SyncRule(newId, name, skuSelector, warehouses, shops, threshold, syncRatePercent,
                priorityShop, safetyStock, priority, enabled);
    }

    public SyncRule withEnabled(boolean newEnabled) {
        return new SyncRule(id, name, skuSelector, warehouses, shops, threshold, syncRatePercent,
                priorityShop, safetyStock, priority, newEnabled);
    }

    /** How the rule is named in messages and sync records: {@code rule 7 'Acme 50%'}, or {@code rule 'Acme 50%'} before it is saved. */
    public String label() {
        String number = id == null ? "rule" : "rule " + id;
        if (name == null || name.isBlank()) {
            return id == null ? "new rule" : number;
        }
        return number + " '" + name + "'";
    }

    public static Builder builder() {
        return new Builder();
    }

    private static List<String> copyOf(List<String> values) {
        // Tolerates null elements so that SyncRuleValidator can name them.
        return values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** Fluent construction with the defaults: rate 100 %, priority {@value #DEFAULT_PRIORITY}, enabled. */
    public static final class Builder {
        private Long id;
        private String name;
        private SkuSelector skuSelector;
        private List<String> warehouses = List.of();
        private List<String> shops = List.of();
        private Integer threshold;
        private int syncRatePercent = DEFAULT_SYNC_RATE_PERCENT;
        private String priorityShop;
        private Integer safetyStock;
        private int priority = DEFAULT_PRIORITY;
        private boolean enabled = true;

        private Builder() {
        }

        public Builder id(Long id) { this.id = id; return this; }
        public Builder name(String name) { this.name = name; return this; }
        public Builder skuSelector(SkuSelector selector) { this.skuSelector = selector; return this; }
        public Builder skus(String... skus) { return skuSelector(SkuSelector.skus(skus)); }
        public Builder skuPattern(String glob) { return skuSelector(SkuSelector.pattern(glob)); }
        public Builder warehouses(String... ids) { return warehouses(Arrays.asList(ids)); }
        public Builder warehouses(Collection<String> ids) { this.warehouses = new ArrayList<>(ids); return this; }
        public Builder shops(String... ids) { return shops(Arrays.asList(ids)); }
        public Builder shops(Collection<String> ids) { this.shops = new ArrayList<>(ids); return this; }
        public Builder threshold(Integer threshold) { this.threshold = threshold; return this; }
        public Builder syncRatePercent(int percent) { this.syncRatePercent = percent; return this; }
        public Builder priority(int priority) { this.priority = priority; return this; }
        public Builder enabled(boolean enabled) { this.enabled = enabled; return this; }

        public Builder priorityShop(String shop) { this.priorityShop = shop; return this; }
        public Builder safetyStock(Integer safetyStock) { this.safetyStock = safetyStock; return this; }

        /** The shop that alone keeps stock while the summed available stock is below {@code safetyStock}. */
        public Builder priorityShop(String shop, int safetyStock) {
            this.priorityShop = shop;
            this.safetyStock = safetyStock;
            return this;
        }

        public SyncRule build() {
            return new SyncRule(id, name, skuSelector, warehouses, shops, threshold, syncRatePercent,
                    priorityShop, safetyStock, priority, enabled);
        }
    }
}
