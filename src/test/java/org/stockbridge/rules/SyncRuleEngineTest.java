package org.stockbridge.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** BigSeller's documented behaviour, one example per test, plus the choices Stockbridge made on top of it. */
class SyncRuleEngineTest {

    private static final List<String> WOO_DEFAULTS = List.of("main");

    private static SyncRule.Builder acmeRule() {
        return SyncRule.builder().id(7L).name("Acme").skus("ACME-1").warehouses("main", "acme").shops("woo-main", "allegro");
    }

    private static Map<String, Integer> stock(int main, int acme) {
        return Map.of("main", main, "acme", acme);
    }

    private static ShopQuantity quantity(SyncRule rule, String shop, Map<String, Integer> available) {
        return new SyncRuleEngine(List.of(rule)).quantityFor(shop, "ACME-1", available, WOO_DEFAULTS);
    }

    // ---- Sum ----
    @Test
    void sumsAvailableStockOfTheRuleWarehouses() {
        ShopQuantity q = quantity(acmeRule().build(), "woo-main", Map.of("main", 600, "acme", 400, "erp-krakow", 99));

        assertThat(q.quantity()).isEqualTo(1000);
        assertThat(q.ruleId()).isEqualTo(7L);
        assertThat(q.explanation()).isEqualTo("rule 7 'Acme': sum(main,acme)=1000 → 1000");
    }

    @Test
    void negativeAvailableStockCountsAsZeroAndDoesNotEatOtherWarehouses() {
        ShopQuantity q = quantity(acmeRule().build(), "woo-main", stock(-5, 12));

        assertThat(q.quantity()).isEqualTo(12);
    }

    @Test
    void missingWarehouseAndNullValueCountAsZero() {
        Map<String, Integer> available = new HashMap<>();
        available.put("main", null);

        assertThat(quantity(acmeRule().build(), "woo-main", available).quantity()).isZero();
    }

    // ---- Threshold ----
    @Test
    void stockBelowThresholdSetsEveryShopOfTheRuleToZero() {
        SyncRule rule = acmeRule().threshold(10).build();

        assertThat(quantity(rule, "woo-main", stock(5, 4)).quantity()).isZero();
        assertThat(quantity(rule, "allegro", stock(5, 4)).quantity()).isZero();
        assertThat(quantity(rule, "woo-main", stock(5, 4)).explanation())
                .isEqualTo("rule 7 'Acme': sum(main,acme)=9 < threshold 10 → 0");
    }

    @Test
    void stockAtThresholdIsNotZeroed() {
        SyncRule rule = acmeRule().threshold(10).build();

        assertThat(quantity(rule, "woo-main", stock(5, 5)).quantity()).isEqualTo(10);
        assertThat(quantity(rule, "allegro", stock(5, 5)).quantity()).isEqualTo(10);
    }

    // ---- Rate ----
    @Test
    void thousandAtFiftyPercentShowsFiveHundred() {
        ShopQuantity q = quantity(acmeRule().name("Acme 50%").syncRatePercent(50).build(), "woo-main", stock(1000, 0));

        assertThat(q.quantity()).isEqualTo(500);
        assertThat(q.explanation()).isEqualTo("rule 7 'Acme 50%': sum(main,acme)=1000, rate 50% → 500");
    }

    @Test
    void nineHundredNinetyNineAtFiftyPercentRoundsDownTo499() {
        assertThat(quantity(acmeRule().syncRatePercent(50).build(), "woo-main", stock(999, 0)).quantity()).isEqualTo(499);
    }

    @Test
    void oneUnitAtFiftyPercentRoundsDownToZero() {
        assertThat(quantity(acmeRule().syncRatePercent(50).build(), "allegro", stock(1, 0)).quantity()).isZero();
    }

    @Test
    void hugeStockDoesNotOverflow() {
        ShopQuantity q = quantity(acmeRule().syncRatePercent(50).build(), "woo-main", stock(Integer.MAX_VALUE, 10));

        assertThat(q.quantity()).isEqualTo(Integer.MAX_VALUE / 2);
    }

    // ---- PriorityShop ----
    private final SyncRule prioritised = acmeRule().threshold(5).priorityShop("allegro", 20).build();

    @Test
    void belowSafetyStockOnlyThePriorityShopHasStock() {
        assertThat(quantity(prioritised, "allegro", stock(10, 5)).quantity()).isEqualTo(15);
        assertThat(quantity(prioritised, "woo-main", stock(10, 5)).quantity()).isZero();
        assertThat(quantity(prioritised, "woo-main", stock(10, 5)).explanation())
                .isEqualTo("rule 7 'Acme': sum(main,acme)=15 < safety stock 20, only priority shop allegro gets stock → 0");
    }

    @Test
    void atSafetyStockEveryShopHasStock() {
        assertThat(quantity(prioritised, "allegro", stock(20, 0)).quantity()).isEqualTo(20);
        assertThat(quantity(prioritised, "woo-main", stock(20, 0)).quantity()).isEqualTo(20);
    }

    @Test
    void belowThresholdEvenThePriorityShopGetsZero() {
        assertThat(quantity(prioritised, "allegro", stock(4, 0)).quantity()).isZero();
    }

    @Test
    void belowSafetyStockThePriorityShopIsShownTheRateScaledSum() {
        SyncRule halfRate = acmeRule().syncRatePercent(50).priorityShop("allegro", 20).build();

        ShopQuantity q = quantity(halfRate, "allegro", stock(15, 0));

        assertThat(q.quantity()).isEqualTo(7);
        assertThat(q.explanation())
                .isEqualTo("rule 7 'Acme': sum(main,acme)=15 < safety stock 20, priority shop, rate 50% → 7");
    }

    @Test
    void safetyStockNotAboveThresholdHasNoEffectAndIsAWarning() {
        SyncRule ignored = acmeRule().threshold(10).priorityShop("allegro", 10).build();

        RuleCheck check = new SyncRuleValidator().check(ignored);
        assertThat(check.errors()).isEmpty();
        assertThat(check.warnings()).extracting(RuleProblem::field).containsExactly("safetyStock");
        assertThat(check.warnings().get(0).message()).contains("rule 7 'Acme'", "priority shop setting is ignored");

        // Below the threshold every shop gets 0; at or above it, nobody is held back by the safety stock.
        assertThat(quantity(ignored, "allegro", stock(9, 0)).quantity()).isZero();
        assertThat(quantity(ignored, "woo-main", stock(9, 0)).quantity()).isZero();
        assertThat(quantity(ignored, "woo-main", stock(10, 0)).quantity()).isEqualTo(10);
    }

    // ---- WhichRule ----
    @Test
    void smallerPriorityWinsWhenTwoRulesMatchOneSku() {
        SyncRule half = acmeRule().id(1L).name("Half").syncRatePercent(50).priority(20).build();
        SyncRule quarter = acmeRule().id(2L).name("Quarter").syncRatePercent(25).priority(10).build();
        SyncRuleEngine engine = new SyncRuleEngine(List.of(half, quarter));

        ShopQuantity q = engine.quantityFor("woo-main", "ACME-1", stock(100, 0), WOO_DEFAULTS);

        assertThat(q.quantity()).isEqualTo(25);
        assertThat(q.ruleId()).isEqualTo(2L);
    }

    @Test
    void equalPriorityIsWonByTheLowerIdThenTheName() {
        SyncRule newer = acmeRule().id(9L).name("A newer").syncRatePercent(50).build();
        SyncRule older = acmeRule().id(3L).name("Z older").syncRatePercent(25).build();
        SyncRule unsavedB = acmeRule().id(null).name("B").syncRatePercent(10).build();
        SyncRule unsavedA = acmeRule().id(null).name("A").syncRatePercent(20).build();

        assertThat(new SyncRuleEngine(List.of(newer, older)).winningRule("ACME-1")).contains(older);
        assertThat(new SyncRuleEngine(List.of(unsavedB, newer)).winningRule("ACME-1")).contains(newer);
        assertThat(new SyncRuleEngine(List.of(unsavedB, unsavedA)).winningRule("ACME-1")).contains(unsavedA);
    }

    @Test
    void patternRuleWithSmallerPriorityBeatsExplicitSkuList() {
        SyncRule list = acmeRule().id(1L).name("List").priority(50).build();
        SyncRule pattern = acmeRule().id(2L).name("Pattern").skuPattern("ACME-*").syncRatePercent(10).priority(5).build();
        SyncRuleEngine engine = new SyncRuleEngine(List.of(list, pattern));

        assertThat(engine.quantityFor("woo-main", "ACME-1", stock(100, 0), WOO_DEFAULTS).ruleId()).isEqualTo(2L);
    }

    @Test
    void explicitSkuListWithSmallerPriorityBeatsPattern() {
        SyncRule list = acmeRule().id(1L).name("List").priority(5).build();
        SyncRule pattern = acmeRule().id(2L).name("Pattern").skuPattern("ACME-*").syncRatePercent(10).priority(50).build();
        SyncRuleEngine engine = new SyncRuleEngine(List.of(pattern, list));

        assertThat(engine.quantityFor("woo-main", "ACME-1", stock(100, 0), WOO_DEFAULTS).quantity()).isEqualTo(100);
        assertThat(engine.quantityFor("woo-main", "ACME-2", stock(100, 0), WOO_DEFAULTS).quantity()).isEqualTo(10);
    }

    @Test
    void disabledRuleNeverMatches() {
        SyncRule disabled = acmeRule().syncRatePercent(50).priority(1).enabled(false).build();
        SyncRule enabled = acmeRule().id(8L).name("Enabled").priority(99).build();
        SyncRuleEngine engine = new SyncRuleEngine(List.of(disabled, enabled));

        assertThat(engine.quantityFor("woo-main", "ACME-1", stock(100, 0), WOO_DEFAULTS).ruleId()).isEqualTo(8L);
    }

    @Test
    void winningRuleWithoutThisShopShadowsLowerRulesAndTheShopFallsBackToItsDefault() {
        SyncRule allegroOnly = acmeRule().id(1L).name("Allegro only").shops("allegro").priority(1).build();
        SyncRule wooHalf = acmeRule().id(2L).name("Woo half").shops("woo-main").syncRatePercent(50).priority(2).build();
        SyncRuleEngine engine = new SyncRuleEngine(List.of(allegroOnly, wooHalf));

        ShopQuantity q = engine.quantityFor("woo-main", "ACME-1", stock(100, 40), WOO_DEFAULTS);

        assertThat(q.quantity()).isEqualTo(100);
        assertThat(q.ruleId()).isNull();
        assertThat(q.explanation())
                .isEqualTo("rule 1 'Allegro only' wins for this SKU but does not include shop woo-main, default sum(main)=100 → 100");
    }

    // ---- NoRule ----
    @Test
    void shopGetsSumOfItsDefaultWarehouses() {
        SyncRuleEngine engine = new SyncRuleEngine(List.of(acmeRule().build()));

        ShopQuantity q = engine.quantityFor("woo-main", "OTHER-1", Map.of("main", 3, "acme", 4, "erp-krakow", 50),
                List.of("main", "acme"));

        assertThat(q.quantity()).isEqualTo(7);
        assertThat(q.ruleId()).isNull();
        assertThat(q.explanation()).isEqualTo("no rule for this SKU, default sum(main,acme)=7 → 7");
    }

    @Test
    void defaultIgnoresNegativeStockAndWarehousesListedTwice() {
        SyncRuleEngine engine = new SyncRuleEngine(List.of());

        ShopQuantity q = engine.quantityFor("woo-main", "X", Map.of("main", 3, "acme", -4), List.of("main", "acme", "main"));

        assertThat(q.quantity()).isEqualTo(3);
    }

    @Test
    void shopOutsideAnyRuleWithoutDefaultWarehousesGetsZero() {
        assertThat(new SyncRuleEngine(List.of()).quantityFor("woo-main", "X", Map.of("main", 3), List.of()).quantity())
                .isZero();
    }

    // ---- Globs ----
    private final SyncRuleEngine globs = new SyncRuleEngine(List.of(
            acmeRule().id(1L).name("Acme").skuPattern("ACME-*").syncRatePercent(50).build(),
            acmeRule().id(2L).name("Red").skuPattern("*-RED").syncRatePercent(20).build(),
            acmeRule().id(3L).name("Shirts").skuPattern("SHIRT-?").syncRatePercent(10).build()));

    private int shown(String sku) {
        return globs.quantityFor("woo-main", sku, stock(100, 0), WOO_DEFAULTS).quantity();
    }

    @Test
    void starMatchesAnyRunOfCharacters() {
        assertThat(shown("ACME-1")).isEqualTo(50);
        assertThat(shown("ACME-")).isEqualTo(50);
        assertThat(shown("SHOE-RED")).isEqualTo(20);
    }

    @Test
    void questionMarkMatchesExactlyOneCharacter() {
        assertThat(shown("SHIRT-L")).isEqualTo(10);
        assertThat(shown("SHIRT-XL")).isEqualTo(100); // no rule: default sum(main)
    }

    @Test
    void matchingIsCaseSensitiveAndAnchored() {
        assertThat(shown("acme-1")).isEqualTo(100);
        assertThat(shown("XACME-1")).isEqualTo(100);
        assertThat(shown("SHOE-REDX")).isEqualTo(100);
    }

    // ---- Batch ----
    @Test
    void batchGivesTheSameAnswersAsSingleCallsInInputOrder() {
        SyncRuleEngine engine = new SyncRuleEngine(List.of(acmeRule().skuPattern("ACME-*").syncRatePercent(50).build()));
        Map<String, Map<String, Integer>> available = new java.util.LinkedHashMap<>();
        available.put("ACME-2", stock(10, 1));
        available.put("OTHER", stock(10, 1));
        available.put("ACME-1", stock(999, 0));

        Map<String, ShopQuantity> result = engine.quantitiesFor("woo-main", available, WOO_DEFAULTS);

        assertThat(result.keySet()).containsExactly("ACME-2", "OTHER", "ACME-1");
        assertThat(result.values()).extracting(ShopQuantity::quantity).containsExactly(5, 10, 499);
        available.forEach((sku, stock) ->
                assertThat(result.get(sku)).isEqualTo(engine.quantityFor("woo-main", sku, stock, WOO_DEFAULTS)));
    }

    @Test
    void oneComputationServesSeveralShops() {
        SyncRuleEngine engine = new SyncRuleEngine(List.of(acmeRule().priorityShop("allegro", 50).build()));
        SyncComputation computation = engine.startComputation();

        assertThat(computation.quantityFor("allegro", "ACME-1", stock(30, 0), WOO_DEFAULTS).quantity()).isEqualTo(30);
        assertThat(computation.quantityFor("woo-main", "ACME-1", stock(30, 0), WOO_DEFAULTS).quantity()).isZero();
        assertThat(computation.quantityFor("ebay", "ACME-1", stock(30, 0), List.of("acme")).quantity()).isZero();
    }

    @Test
    void engineRefusesARuleSetWithErrors() {
        SyncRule bad = acmeRule().syncRatePercent(0).build();

        assertThatThrownBy(() -> new SyncRuleEngine(List.of(bad)))
                .isInstanceOf(InvalidSyncRuleException.class)
                .hasMessage("rule 7 'Acme': syncRatePercent must be between 1 and 100, was 0");
    }
}
