package org.stockbridge.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncRuleValidatorTest {

    private final SyncRuleValidator validator = new SyncRuleValidator();

    private static SyncRule.Builder valid() {
        return SyncRule.builder().id(7L).name("Acme 50%").skuPattern("ACME-*").warehouses("main", "acme")
                .shops("woo-main", "allegro").syncRatePercent(50);
    }

    private RuleCheck check(SyncRule.Builder rule) {
        return validator.check(rule.build());
    }

    @Test
    void validRuleHasNoProblems() {
        RuleCheck check = check(valid().threshold(5).priorityShop("allegro", 20));

        assertThat(check.isValid()).isTrue();
        assertThat(check.errors()).isEmpty();
        assertThat(check.warnings()).isEmpty();
    }

    @Test
    void emptyShops() {
        assertThat(check(valid().shops()).errors()).extracting(RuleProblem::field, RuleProblem::message)
                .containsExactly(tuple("shops", "rule 7 'Acme 50%': shops must name at least one shop"));
    }

    @Test
    void emptyWarehouses() {
        assertThat(check(valid().warehouses()).errors()).extracting(RuleProblem::message)
                .containsExactly("rule 7 'Acme 50%': warehouses must name at least one warehouse");
    }

    @Test
    void warehouseListedTwiceWouldBeSummedTwice() {
        assertThat(check(valid().warehouses("main", "main")).errors()).extracting(RuleProblem::message)
                .containsExactly("rule 7 'Acme 50%': warehouses lists 'main' more than once");
    }

    @Test
    void priorityShopNotAmongShops() {
        assertThat(check(valid().priorityShop("ebay", 20)).errors()).extracting(RuleProblem::field, RuleProblem::message)
                .containsExactly(tuple("priorityShop",
                        "rule 7 'Acme 50%': priorityShop 'ebay' must be one of the rule's shops [woo-main, allegro]"));
    }

    @Test
    void priorityShopAndSafetyStockGoTogether() {
        assertThat(check(valid().priorityShop("allegro")).errors()).extracting(RuleProblem::message)
                .containsExactly("rule 7 'Acme 50%': priorityShop 'allegro' needs a safetyStock");
        assertThat(check(valid().safetyStock(20)).errors()).extracting(RuleProblem::message)
                .containsExactly("rule 7 'Acme 50%': safetyStock is set but no priorityShop; set both or neither");
    }

    @Test
    void rateOutOfRange() {
        assertThat(check(valid().syncRatePercent(0)).errors()).extracting(RuleProblem::field, RuleProblem::message)
                .containsExactly(tuple("syncRatePercent", "rule 7 'Acme 50%': syncRatePercent must be between 1 and 100, was 0"));
        assertThat(check(valid().syncRatePercent(101)).errors()).extracting(RuleProblem::message)
                .containsExactly("rule 7 'Acme 50%': syncRatePercent must be between 1 and 100, was 101");
        assertThat(check(valid().syncRatePercent(1)).isValid()).isTrue();
        assertThat(check(valid().syncRatePercent(100)).isValid()).isTrue();
    }

    @Test
    void negativeThresholdAndSafetyStock() {
        assertThat(check(valid().threshold(-1).priorityShop("allegro", -2)).errors())
                .extracting(RuleProblem::field, RuleProblem::message)
                .containsExactly(
                        tuple("threshold", "rule 7 'Acme 50%': threshold must not be negative, was -1"),
                        tuple("safetyStock", "rule 7 'Acme 50%': safetyStock must not be negative, was -2"));
    }

    @Test
    void invalidPattern() {
        assertThat(check(valid().skuPattern("ACME-[0-9]")).errors()).extracting(RuleProblem::field, RuleProblem::message)
                .containsExactly(tuple("skuSelector.pattern", "rule 7 'Acme 50%': invalid SKU pattern 'ACME-[0-9]': "
                        + "'[' is not supported; only * (any characters) and ? (one character) are wildcards"));
        assertThat(check(valid().skuPattern(" ")).errors()).extracting(RuleProblem::message)
                .containsExactly("rule 7 'Acme 50%': invalid SKU pattern ' ': the pattern is blank");
    }

    @Test
    void emptySkuListAndNoPattern() {
        assertThat(check(valid().skus(new String[0])).errors()).extracting(RuleProblem::field, RuleProblem::message)
                .containsExactly(tuple("skuSelector", "rule 7 'Acme 50%': choose the SKUs: give a list of SKUs or a pattern such as ACME-*"));
        assertThat(check(valid().skuSelector(null)).errors()).extracting(RuleProblem::field).containsExactly("skuSelector");
    }

    @Test
    void bothListAndPattern() {
        SyncRule.Builder both = valid().skuSelector(new SkuSelector(List.of("ACME-1", "ACME-2"), "ACME-*"));

        assertThat(check(both).errors()).extracting(RuleProblem::message)
                .containsExactly("rule 7 'Acme 50%': give either a list of SKUs or a pattern, not both (pattern 'ACME-*' and 2 SKUs)");
    }

    @Test
    void blankSkuInList() {
        assertThat(check(valid().skus("ACME-1", " ")).errors()).extracting(RuleProblem::field).containsExactly("skuSelector.skus");
    }

    @Test
    void blankName() {
        assertThat(check(valid().name("  ")).errors()).extracting(RuleProblem::field, RuleProblem::message)
                .containsExactly(tuple("name", "rule 7: name must not be blank"));
        assertThat(check(valid().id(null).name(null)).errors()).extracting(RuleProblem::message)
                .containsExactly("new rule: name must not be blank");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        RuleCheck check = check(valid().name("").shops().syncRatePercent(500).threshold(-1));

        assertThat(check.errors()).extracting(RuleProblem::field)
                .containsExactly("name", "shops", "syncRatePercent", "threshold");
    }

    @Test
    void safetyStockNotAboveThresholdIsOnlyAWarning() {
        RuleCheck check = check(valid().threshold(20).priorityShop("allegro", 20));

        assertThat(check.isValid()).isTrue();
        assertThat(check.warnings()).extracting(RuleProblem::field, RuleProblem::message)
                .containsExactly(tuple("safetyStock", "rule 7 'Acme 50%': safetyStock 20 is not above the threshold 20, "
                        + "so the priority shop setting is ignored: below the threshold every shop gets 0 anyway"));
    }

    @Test
    void safetyStockZeroWithoutThresholdIsIgnoredToo() {
        assertThat(check(valid().priorityShop("allegro", 0)).warnings()).extracting(RuleProblem::field)
                .containsExactly("safetyStock");
    }

    @Test
    void the201stRuleIsRefusedNamingTheLimit() {
        List<SyncRule> existing = rules(200);

        RuleCheck check = validator.checkSave(valid().id(null).name("One too many").build(), existing);

        assertThat(check.errors()).extracting(RuleProblem::field, RuleProblem::message)
                .containsExactly(tuple("rules", "rule 'One too many': cannot be added: at most 200 sync rules are allowed "
                        + "and 200 exist already; delete or change an existing rule instead"));
    }

    @Test
    void the200thRuleIsAccepted() {
        assertThat(validator.checkSave(valid().id(null).name("Last one").build(), rules(199)).isValid()).isTrue();
    }

    @Test
    void updatingARuleAtTheLimitIsAllowed() {
        List<SyncRule> existing = rules(200);
        SyncRule changed = valid().id(existing.get(0).id()).name("Renamed").build();

        assertThat(validator.checkSave(changed, existing).isValid()).isTrue();
    }

    @Test
    void disabledRulesCountTowardTheLimit() {
        List<SyncRule> existing = new ArrayList<>();
        rules(200).forEach(rule -> existing.add(rule.withEnabled(false)));

        assertThat(validator.checkSave(valid().id(null).build(), existing).isValid()).isFalse();
    }

    @Test
    void nameAlreadyUsedIgnoringCase() {
        RuleCheck check = validator.checkSave(valid().id(null).name("rule 3 ").build(), rules(5));

        assertThat(check.errors()).extracting(RuleProblem::field, RuleProblem::message)
                .containsExactly(tuple("name", "rule 'rule 3 ': the name is already used by rule 3 'Rule 3'; rule names must be unique"));
    }

    @Test
    void ruleSetOver200IsRefused() {
        assertThat(validator.checkRuleSet(rules(201)).errors()).extracting(RuleProblem::message)
                .containsExactly("at most 200 sync rules are allowed, the set has 201");
        assertThat(validator.checkRuleSet(rules(200)).isValid()).isTrue();
    }

    @Test
    void ruleSetWithDuplicateIdsOrNames() {
        SyncRule a = valid().id(1L).name("A").build();
        SyncRule b = valid().id(1L).name("B").build();
        SyncRule c = valid().id(2L).name("a").build();

        assertThat(validator.checkRuleSet(List.of(a, b, c)).errors()).extracting(RuleProblem::field, RuleProblem::message)
                .containsExactly(
                        tuple("id", "rule 1 'B': id 1 is also used by rule 1 'A'"),
                        tuple("name", "rule 2 'a': the name is already used by rule 1 'A'; rule names must be unique"));
    }

    @Test
    void checkOrThrowCarriesTheProblems() {
        RuleCheck check = check(valid().syncRatePercent(0));

        org.assertj.core.api.Assertions.assertThatThrownBy(check::orThrow)
                .isInstanceOfSatisfying(InvalidSyncRuleException.class,
                        e -> assertThat(e.problems()).extracting(RuleProblem::field).containsExactly("syncRatePercent"));
    }

    private static List<SyncRule> rules(int count) {
        List<SyncRule> rules = new ArrayList<>();
        for (long id = 1; id <= count; id++) {
            rules.add(valid().id(id).name("Rule " + id).skus("SKU-" + id).build());
        }
        return rules;
    }
}
