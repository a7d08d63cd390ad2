package org.stockbridge.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A full reconciliation of one shop: 10 000 SKUs against the maximum of 200 rules, half explicit SKU lists and
 * half patterns, with most SKUs matching no pattern so that every pattern is tried. The bound is generous (the
 * computation takes well under a second); it is there to catch an accidental rules × SKUs × something blow-up.
 */
class SyncRuleEngineScaleTest {

    @Test
    void tenThousandSkusAgainstTwoHundredRules() {
        List<SyncRule> rules = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            List<String> skus = new ArrayList<>();
            for (int j = 0; j < 50; j++) {
                skus.add("LIST-" + (i * 50 + j));
            }
            rules.add(rule(i + 1, "List " + i, SkuSelector.skus(skus), 200 + i, 50));
            rules.add(rule(i + 101, "Pattern " + i, SkuSelector.pattern("BRAND" + i + "-*-?"), 100 + i, 10));
        }
        SyncRuleEngine engine = new SyncRuleEngine(rules);
        Map<String, Map<String, Integer>> available = new LinkedHashMap<>();
        for (int i = 0; i < 5000; i++) {
            available.put("LIST-" + i, Map.of("main", 100, "acme", 1));
        }
        for (int i = 0; i < 5000; i++) {
            available.put("BRAND" + (i % 100) + "-" + i + "-X", Map.of("main", 100));
        }

        Map<String, ShopQuantity> result = assertTimeout(Duration.ofSeconds(5),
                () -> engine.quantitiesFor("woo-main", available, List.of("acme")));

        assertThat(result).hasSize(10_000);
        assertThat(result.get("LIST-4999").quantity()).isEqualTo(50);        // rule "List 99": 100 at 50 %
        assertThat(result.get("LIST-4999").ruleId()).isEqualTo(100L);
        assertThat(result.get("BRAND7-4907-X").quantity()).isEqualTo(10);    // rule "Pattern 7": 100 at 10 %
        assertThat(result.get("BRAND7-4907-X").ruleId()).isEqualTo(108L);
        assertThat(result.values().stream().filter(q -> q.ruleId() == null)).isEmpty();
    }

    private static SyncRule rule(long id, String name, SkuSelector skus, int priority, int rate) {
        return SyncRule.builder().id(id).name(name).skuSelector(skus).warehouses("main").shops("woo-main")
                .priority(priority).syncRatePercent(rate).build();
    }
}
