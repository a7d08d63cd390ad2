package org.stockbridge.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the winning enabled rule for a SKU without trying every rule: explicit SKU lists are folded into one
 * HashMap (SKU → best explicit rule), patterns are compiled once and kept in {@link SyncRule#PRECEDENCE} order,
 * so a lookup is one hash probe plus a scan of the patterns that rank above that explicit rule.
 */
final class RuleIndex {

    private record PatternRule(SyncRule rule, SkuGlob glob) {
    }

    private final Map<String, SyncRule> explicitBySku = new HashMap<>();
    private final List<PatternRule> patterns = new ArrayList<>();

    RuleIndex(Collection<SyncRule> rules) {
        List<SyncRule> ordered = rules.stream().filter(SyncRule::enabled).sorted(SyncRule.PRECEDENCE).toList();
        for (SyncRule rule : ordered) {
            if (rule.skuSelector().usesPattern()) {
                patterns.add(new PatternRule(rule, SkuGlob.compile(rule.skuSelector().pattern())));
            } else {
                // Rules arrive best first, so the first rule to claim a SKU keeps it.
                rule.skuSelector().skus().forEach(sku -> explicitBySku.putIfAbsent(sku, rule));
            }
        }
    }

    /** The rule BigSeller would execute for this SKU — the single highest-priority match — or null. */
    SyncRule winnerFor(String sku) {
        SyncRule explicit = explicitBySku.get(sku);
        for (PatternRule pattern : patterns) {
            if (explicit != null && SyncRule.PRECEDENCE.compare(explicit, pattern.rule()) < 0) {
                break; // every remaining pattern ranks below the explicit rule
            }
            if (pattern.glob().matches(sku)) {
                return pattern.rule();
            }
        }
        return explicit;
    }
}
