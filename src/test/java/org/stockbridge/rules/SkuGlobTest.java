package org.stockbridge.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SkuGlobTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
            "ACME-*,    ACME-1,        true",
            "ACME-*,    ACME-,         true",
            "ACME-*,    ACME,          false",
            "ACME-*,    acme-1,        false",
            "*-RED,     SHOE-RED,      true",
            "*-RED,     -RED,          true",
            "*-RED,     SHOE-RED-2,    false",
            "SHIRT-?,   SHIRT-L,       true",
            "SHIRT-?,   SHIRT-XL,      false",
            "SHIRT-?,   SHIRT-,        false",
            "*,         ANYTHING,      true",
            "A*B*C,     AxxBxxBxxC,    true",
            "A*B*C,     AxxBxxCxxB,    false",
            "*A*A*A*B,  AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA, false",
            "ACME.1,    ACMEX1,        false",
            "ACME.1,    ACME.1,        true",
            "A+B,       A+B,           true",
    })
    void matches(String pattern, String sku, boolean expected) {
        assertThat(SkuGlob.compile(pattern).matches(sku)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ACME-[0-9]", "ACME-{A,B}", "ACME\\*", "", "  ", " ACME-*"})
    void refusesWhatIsNotAStarOrQuestionMarkPattern(String pattern) {
        assertThat(SkuGlob.problemWith(pattern)).isPresent();
        assertThatThrownBy(() -> SkuGlob.compile(pattern)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid SKU pattern '" + pattern + "'");
    }
}
