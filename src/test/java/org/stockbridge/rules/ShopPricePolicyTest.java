package org.stockbridge.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShopPricePolicyTest {

    @ParameterizedTest(name = "{0} × {1} rounded {2} = {3}")
    @CsvSource({
            "12.30,  1,    ENDING_99, 12.99",
            "12.99,  1,    ENDING_99, 12.99",
            "13.00,  1,    ENDING_99, 13.99",
            "12.991, 1,    ENDING_99, 12.99",
            "0,      1,    ENDING_99, 0.99",
            "10.00,  1.23, ENDING_99, 12.99",
            "12.345, 1,    CENTS,     12.35",
            "12.344, 1,    CENTS,     12.34",
            "10.00,  1.23, CENTS,     12.30",
            "12.32,  1,    STEP_05,   12.30",
            "12.33,  1,    STEP_05,   12.35",
            "12.375, 1,    STEP_05,   12.40",
            "12.974, 1,    STEP_05,   12.95",
            "12.975, 1,    STEP_05,   13.00",
            "10.00,  1.23, STEP_05,   12.30",
            "0.02,   1,    STEP_05,   0.05",
            "0,      1,    STEP_05,   0.00",
            "0.30,   1,    WHOLE,     1.00",
            "0,      1,    WHOLE,     0.00",
            "12.49,  1,    WHOLE,     12.00",
            "12.50,  1,    WHOLE,     13.00",
            "12.495, 1,    WHOLE,     13.00",
            "10.00,  1.5,  NONE,      15.000",
            "12.345, 1,    NONE,      12.345",
    })
    void pricesAreMultipliedThenRounded(String hubPrice, String multiplier, PriceRounding rounding, String expected) {
        BigDecimal price = ShopPricePolicy.of(multiplier, rounding).priceFor(new BigDecimal(hubPrice));

        assertThat(price).isEqualTo(new BigDecimal(expected)); // equals: the scale is part of the contract
    }

    @Test
    void defaultsSendTheHubPriceUnchanged() {
        ShopPricePolicy defaults = new ShopPricePolicy(null, null);

        assertThat(defaults).isEqualTo(ShopPricePolicy.UNCHANGED);
        assertThat(defaults.priceFor(new BigDecimal("19.90"))).isEqualTo(new BigDecimal("19.90"));
    }

    @Test
    void refusesNonPositiveMultiplierAndNegativePrice() {
        assertThatThrownBy(() -> ShopPricePolicy.of("0", PriceRounding.CENTS))
                .hasMessage("price multiplier must be positive, was 0");
        assertThatThrownBy(() -> ShopPricePolicy.UNCHANGED.priceFor(new BigDecimal("-1.00")))
                .hasMessage("hub price must not be negative, was -1.00");
    }
}
