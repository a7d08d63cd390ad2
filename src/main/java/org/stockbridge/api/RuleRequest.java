package org.stockbridge.api;

import java.util.List;

import org.stockbridge.rules.SkuSelector;
import org.stockbridge.rules.SyncRule;

/**
 * Body of {@code POST /api/rules} and {@code PUT /api/rules/{id}}. Give either {@code skus} or {@code skuPattern}
 * (a glob with {@code *} and {@code ?}); {@code syncRatePercent} defaults to 100, {@code priority} to 100 (smaller
 * wins), {@code enabled} to true.
 */
public record RuleRequest(
        String name,
        List<String> skus,
        String skuPattern,
        List<String> warehouses,
        List<String> shops,
        Integer threshold,
        Integer syncRatePercent,
        String priorityShop,
        Integer safetyStock,
        Integer priority,
        Boolean enabled) {

    SyncRule toRule() {
        return new SyncRule(null, name, new SkuSelector(skus, skuPattern),
                warehouses == null ? List.of() : warehouses, shops == null ? List.of() : shops, threshold,
                syncRatePercent == null ? SyncRule.DEFAULT_SYNC_RATE_PERCENT : syncRatePercent, priorityShop, safetyStock,
                priority == null ? SyncRule.DEFAULT_PRIORITY : priority, enabled == null || enabled);
    }
}
