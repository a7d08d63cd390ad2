package org.stockbridge.feed;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The long-arithmetic fast path must give exactly what the BigDecimal definition of the formula gives. */
class PriceCalculatorTest {

    private static final String[] VATS = {"0", "5", "8", "23", "7.5", "23%"};
    private static final String[] MULTIPLIERS = {"1", "1.2", "0.85", "1.333", "2"};
    private static final String[] ADDS = {"0", "1.50", "-2", "0.005"};
    private static final int[] ENDINGS = {-1, 99, 49, 90, 0};

    @Test
    void fastPathAgreesWithBigDecimalOnRandomPrices() throws RowProblem {
        Random random = new Random(20261123);
        int compared = 0;
        for (int i = 0; i < 20_000; i++) {
            String vat = VATS[random.nextInt(VATS.length)];
            BigDecimal multiplier = new BigDecimal(MULTIPLIERS[random.nextInt(MULTIPLIERS.length)]);
            BigDecimal add = new BigDecimal(ADDS[random.nextInt(ADDS.length)]);
            int ending = ENDINGS[random.nextInt(ENDINGS.length)];
            PriceRule rule = new PriceRule(null, multiplier, add,
                    ending < 0 ? PriceRounding.CENTS : PriceRounding.ending(ending));
            PriceCalculator calculator = new PriceCalculator(rule, false);
            BigDecimal net = BigDecimal.valueOf(random.nextInt(10_000_000), random.nextInt(5));

            BigDecimal vatPercent = new BigDecimal(vat.replace("%", ""));
            BigDecimal expected = rule.finish(net.multiply(PriceRule.grossFactor(vatPercent)));
            if (expected.signum() < 0) {
                assertThatThrownBy(() -> calculator.fromNet(net.toPlainString(), vat)).isInstanceOf(RowProblem.class)
                        .hasMessageEndingWith("is negative after the price formula");
                continue;
            }
            assertThat(calculator.fromNet(net.toPlainString(), vat))
                    .as("net %s vat %s × %s + %s ending %d", net, vat, multiplier, add, ending)
                    .isEqualTo(expected);
            assertThat(calculator.fromGross(net.toPlainString())).isEqualTo(rule.finish(net));
            compared++;
        }
        assertThat(compared).isGreaterThan(15_000);
    }

    @Test
    void valuesTooLongForALongTakeTheBigDecimalPath() throws RowProblem {
        PriceCalculator calculator = new PriceCalculator(
                new PriceRule(new BigDecimal("23"), BigDecimal.ONE, BigDecimal.ZERO, PriceRounding.CENTS), true);

        assertThat(calculator.fromNet("12345678901234567890,5", null)).isEqualTo(new BigDecimal("15185185048518518505.32"));
        assertThat(calculator.fromNet("1 000,00", null)).isEqualTo(new BigDecimal("1230.00"));
        assertThat(calculator.fromNet("0,000000000000000000001", "23")).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void fixedDecimalParsing() {
        FixedDecimal d = new FixedDecimal();
        assertThat(d.parse("0012,50", true)).isEqualTo(FixedDecimal.OK);
        assertThat(d.toBigDecimal()).isEqualTo(new BigDecimal("12.50"));
        assertThat(d.parse("-3", false)).isEqualTo(FixedDecimal.OK);
        assertThat(d.unscaled).isEqualTo(-3);
        assertThat(d.parse("1.", false)).isEqualTo(FixedDecimal.OK);
        assertThat(d.toBigDecimal()).isEqualTo(new BigDecimal("1"));
        assertThat(d.parse(".", false)).isEqualTo(FixedDecimal.NOT_A_NUMBER);
        assertThat(d.parse("1.2.3", false)).isEqualTo(FixedDecimal.NOT_A_NUMBER);
        assertThat(d.parse("12,5", false)).isEqualTo(FixedDecimal.NOT_A_NUMBER);
        assertThat(d.parse("1e3", false)).isEqualTo(FixedDecimal.NOT_A_NUMBER);
        assertThat(d.parse("1 234,5", true)).isEqualTo(FixedDecimal.TOO_LONG);
        assertThat(d.parse("1234567890123456789", false)).isEqualTo(FixedDecimal.TOO_LONG);
    }
}
