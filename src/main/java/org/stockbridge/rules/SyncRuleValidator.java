package org.stockbridge.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks sync rules before they are saved or used. Never throws for a bad rule: it returns every problem at once
 * as a {@link RuleCheck}, so the admin API can show them all in one answer. Errors and warnings are separate:
 * a warning (safety stock ≤ threshold) does not stop the rule from being saved.
 *
 * <p>Stateless and thread-safe.
 */
public final class SyncRuleValidator {

    /** BigSeller's limit, kept so sellers moving over find the same ceiling; disabled rules count too. */
    public static final int MAX_RULES = 200;

    /** One rule on its own. */
    public RuleCheck check(SyncRule rule) {
        Problems problems = new Problems(rule.label());
        checkName(rule, problems);
        checkSkus(rule, problems);
        checkIds(rule.warehouses(), "warehouses", "warehouse", problems);
        checkIds(rule.shops(), "shops", "shop", problems);
        checkNumbers(rule, problems);
        checkPriorityShop(rule, problems);
        return problems.toCheck();
    }

    /**
     * A rule about to be saved into {@code existing} (the rules stored now). A rule whose id is among the
     * existing ones is an update and replaces that rule; any other rule is an addition and is refused once
     * {@value #MAX_RULES} rules exist.
     */
    public RuleCheck checkSave(SyncRule rule, Collection<SyncRule> existing) {
        List<SyncRule> after = new ArrayList<>();
        boolean update = false;
        for (SyncRule other : existing) {
            if (rule.id() != null && rule.id().equals(other.id())) {
                update = true;
            } else {
                after.add(other);
            }
        }
        RuleCheck own = check(rule);
        Problems problems = new Problems(rule.label());
        problems.errors.addAll(own.errors());
        problems.warnings.addAll(own.warnings());
        if (!update && existing.size() >= MAX_RULES) {
            problems.error("rules", "cannot be added: at most " + MAX_RULES + " sync rules are allowed and "
                    + existing.size() + " exist already; delete or change an existing rule instead");
        }
        for (SyncRule other : after) {
            if (sameName(rule, other)) {
                problems.error("name", "the name is already used by " + other.label() + "; rule names must be unique");
            }
        }
        return problems.toCheck();
    }

    /** A whole rule set, as loaded by the hub store or given to {@link SyncRuleEngine}. */
    public RuleCheck checkRuleSet(Collection<SyncRule> rules) {
        List<RuleProblem> errors = new ArrayList<>();
        List<RuleProblem> warnings = new ArrayList<>();
        if (rules.size() > MAX_RULES) {
            errors.add(new RuleProblem("rules", "at most " + MAX_RULES + " sync rules are allowed, the set has " + rules.size()));
        }
        Map<Long, SyncRule> byId = new HashMap<>();
        Map<String, SyncRule> byName = new HashMap<>();
        for (SyncRule rule : rules) {
            RuleCheck own = check(rule);
            errors.addAll(own.errors());
            warnings.addAll(own.warnings());
            SyncRule sameId = rule.id() == null ? null : byId.putIfAbsent(rule.id(), rule);
            if (sameId != null) {
                errors.add(new RuleProblem("id", rule.label() + ": id " + rule.id() + " is also used by " + sameId.label()));
            }
            SyncRule sameName = rule.name() == null ? null : byName.putIfAbsent(nameKey(rule), rule);
            if (sameName != null) {
                errors.add(new RuleProblem("name", rule.label() + ": the name is already used by " + sameName.label()
                        + "; rule names must be unique"));
            }
        }
        return new RuleCheck(errors, warnings);
    }

    private static void checkName(SyncRule rule, Problems problems) {
        if (rule.name() == null || rule.name().isBlank()) {
            problems.error("name", "name must not be blank");
        }
    }

    private static void checkSkus(SyncRule rule, Problems problems) {
        SkuSelector skus = rule.skuSelector();
        if (skus == null || (skus.skus().isEmpty() && skus.pattern() == null)) {
            problems.error("skuSelector", "choose the SKUs: give a list of SKUs or a pattern such as ACME-*");
            return;
        }
        if (!skus.skus().isEmpty() && skus.pattern() != null) {
            problems.error("skuSelector", "give either a list of SKUs or a pattern, not both (pattern '"
                    + skus.pattern() + "' and " + skus.skus().size() + " SKUs)");
            return;
        }
        if (skus.usesPattern()) {
            SkuGlob.problemWith(skus.pattern()).ifPresent(reason ->
                    problems.error("skuSelector.pattern", "invalid SKU pattern '" + skus.pattern() + "': " + reason));
            return;
        }
        for (String sku : skus.skus()) {
            if (sku == null || sku.isBlank()) {
                problems.error("skuSelector.skus", "the SKU list contains a blank SKU");
                return;
            }
        }
    }

    private static void checkIds(List<String> ids, String field, String what, Problems problems) {
        if (ids.isEmpty()) {
            problems.error(field, field + " must name at least one " + what);
            return;
        }
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (id == null || id.isBlank()) {
                problems.error(field, field + " contains a blank " + what + " id");
            } else if (!seen.add(id)) {
                // A repeated warehouse would be summed twice; refuse rather than guess what was meant.
                problems.error(field, field + " lists '" + id + "' more than once");
            }
        }
    }

    private static void checkNumbers(SyncRule rule, Problems problems) {
        if (rule.syncRatePercent() < 1 || rule.syncRatePercent() > 100) {
            problems.error("syncRatePercent", "syncRatePercent must be between 1 and 100, was " + rule.syncRatePercent());
        }
        if (rule.threshold() != null && rule.threshold() < 0) {
            problems.error("threshold", "threshold must not be negative, was " + rule.threshold());
        }
        if (rule.safetyStock() != null && rule.safetyStock() < 0) {
            problems.error("safetyStock", "safetyStock must not be negative, was " + rule.safetyStock());
        }
    }

    private static void checkPriorityShop(SyncRule rule, Problems problems) {
        if (rule.priorityShop() == null) {
            if (rule.safetyStock() != null) {
                problems.error("safetyStock", "safetyStock is set but no priorityShop; set both or neither");
            }
            return;
        }
        if (!rule.shops().contains(rule.priorityShop())) {
            problems.error("priorityShop", "priorityShop '" + rule.priorityShop()
                    + "' must be one of the rule's shops " + rule.shops());
        }
        if (rule.safetyStock() == null) {
            problems.error("safetyStock", "priorityShop '" + rule.priorityShop() + "' needs a safetyStock");
            return;
        }
        int threshold = rule.threshold() == null ? 0 : rule.threshold();
        if (rule.safetyStock() >= 0 && rule.safetyStock() <= threshold) {
            problems.warning("safetyStock", "safetyStock " + rule.safetyStock() + " is not above the threshold "
                    + threshold + ", so the priority shop setting is ignored: below the threshold every shop gets 0 anyway");
        }
    }

    private static boolean sameName(SyncRule a, SyncRule b) {
        return a.name() != null && b.name() != null && Objects.equals(nameKey(a), nameKey(b));
    }

    /** Names are unique ignoring case and surrounding spaces, so "Acme" and "acme " never confuse a seller reading sync records. */
    private static String nameKey(SyncRule rule) {
        return rule.name().strip().toLowerCase(Locale.ROOT);
    }

    /** Collects problems with the rule's label in front of every message. */
    private static final class Problems {
        private final String label;
        private final List<RuleProblem> errors = new ArrayList<>();
        private final List<RuleProblem> warnings = new ArrayList<>();

        Problems(String label) {
            this.label = label;
        }

        void error(String field, String message) {
            errors.add(new RuleProblem(field, label + ": " + message));
        }

        void warning(String field, String message) {
            warnings.add(new RuleProblem(field, label + ": " + message));
        }

        RuleCheck toCheck() {
            return new RuleCheck(errors, warnings);
        }
    }
}
