package org.stockbridge.rules;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes the quantity each shop is shown, for one fixed rule set. Build a new engine when the rules change;
 * an engine is immutable and safe to share between threads.
 *
 * <h2>Which rule applies to a (shop, SKU)</h2>
 * Like BigSeller, only the single highest-priority rule covering a SKU is executed
 * ({@link SyncRule#PRECEDENCE}: smaller priority, then lower id, then name; disabled rules never match):
 * <ol>
 *   <li>the winning rule for the SKU is chosen first, looking at the SKU only;</li>
 *   <li>if the shop is among that rule's shops, the rule decides the shop's quantity;</li>
 *   <li>otherwise — and when no rule covers the SKU — the shop gets its default: the summed available stock of
 *       the shop's own default warehouses. A lower-priority rule that does include the shop is <em>not</em>
 *       consulted: the winning rule shadows it, so adding a rule never changes shops it does not name in a way
 *       that depends on rules further down the list.</li>
 * </ol>
 *
 * <p>For many SKUs or many shops use {@link #quantitiesFor} or a {@link SyncComputation}, which choose the rule of
 * each SKU once and reuse it.
 */
public final class SyncRuleEngine {

    private final List<SyncRule> rules;
    private final RuleIndex index;

    /**
     * @throws InvalidSyncRuleException if {@link SyncRuleValidator#checkRuleSet} finds errors (warnings are fine)
     */
    public SyncRuleEngine(Collection<SyncRule> rules) {
        new SyncRuleValidator().checkRuleSet(rules).orThrow();
        this.rules = List.copyOf(rules);
        this.index = new RuleIndex(this.rules);
    }

    public List<SyncRule> rules() {
        return rules;
    }

    /** The rule executed for this SKU, whatever the shop; empty when no enabled rule covers it. */
    public Optional<SyncRule> winningRule(String sku) {
        return Optional.ofNullable(index.winnerFor(sku));
    }

    /**
     * @param shop                  the shop connection id
     * @param sku                   the hub SKU
     * @param availableByWarehouse  available (on hand − reserved) stock of the SKU per warehouse id; missing
     *                              warehouses and null or negative values count as 0
     * @param shopDefaultWarehouses the warehouses the shop sells from when no rule applies
     */
    public ShopQuantity quantityFor(String shop, String sku, Map<String, Integer> availableByWarehouse,
                                    Collection<String> shopDefaultWarehouses) {
        return startComputation().quantityFor(shop, sku, availableByWarehouse, shopDefaultWarehouses);
    }

    /**
     * Quantities for many SKUs of one shop (e.g. a full reconciliation: 10 000 SKUs × 200 rules).
     *
     * @param availableBySku SKU → available stock per warehouse, as for {@link #quantityFor}
     * @return SKU → quantity, in the iteration order of {@code availableBySku}
     */
    public Map<String, ShopQuantity> quantitiesFor(String shop, Map<String, Map<String, Integer>> availableBySku,
                                                   Collection<String> shopDefaultWarehouses) {
        return startComputation().quantitiesFor(shop, availableBySku, shopDefaultWarehouses);
    }

    /**
     * A short-lived computation that remembers the rule chosen for each SKU, for a caller computing the same
     * SKUs for several shops (one outbox drain, one "sync now"). Not thread-safe; use one per thread and drop it
     * afterwards.
     */
    public SyncComputation startComputation() {
        return new SyncComputation(index);
    }
}
