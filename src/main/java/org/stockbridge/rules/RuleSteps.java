package org.stockbridge.rules;

/**
 * The four steps of one rule for one shop: sum → threshold → priority shop/safety stock → rate.
 * See {@link SyncRule} for the order and the reasons behind it.
 */
final class RuleSteps {

    private RuleSteps() {
    }

    /** {@code shop} must be one of {@code rule.shops()}; {@code sum} is over {@code rule.warehouses()}. */
    static ShopQuantity apply(SyncRule rule, String shop, StockSum sum) {
        String head = rule.label() + ": " + sum.text();
        if (rule.threshold() != null && sum.total() < rule.threshold()) {
            return decided(rule, 0, head + " < threshold " + rule.threshold() + " → 0");
        }
        if (rule.hasPriorityShop() && sum.total() < rule.safetyStock()) {
            if (!shop.equals(rule.priorityShop())) {
                return decided(rule, 0, head + " < safety stock " + rule.safetyStock()
                        + ", only priority shop " + rule.priorityShop() + " gets stock → 0");
            }
            head += " < safety stock " + rule.safetyStock() + ", priority shop";
        }
        int shown = scale(sum.total(), rule.syncRatePercent());
        if (rule.syncRatePercent() == 100) {
            return decided(rule, shown, head + " → " + shown);
        }
        return decided(rule, shown, head + ", rate " + rule.syncRatePercent() + "% → " + shown);
    }

    /** floor(total × percent / 100) — rounding down never shows a unit the rate did not allow. */
    static int scale(int total, int percent) {
        return (int) ((long) total * percent / 100);
    }

    private static ShopQuantity decided(SyncRule rule, int quantity, String explanation) {
        return new ShopQuantity(quantity, rule.id(), explanation);
    }
}
