package org.stockbridge.feed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockbridge.feed.Feeds.error;
import static org.stockbridge.feed.Feeds.mapping;
import static org.stockbridge.feed.Feeds.product;
import static org.stockbridge.feed.Feeds.read;

class PriceTest {

    @ParameterizedTest(name = "{0} with ending {1} -> {2}")
    @CsvSource({
            "12.34, 99, 12.99",
            "12.99, 99, 12.99",
            "13.00, 99, 13.99",
            "12.995, 99, 13.99", // HALF_UP to 13.00 first, then up to the ending
            "12.50, 49, 13.49",
            "12.49, 49, 12.49",
            "12.34, 90, 12.90",
            "12.95, 90, 13.90",
            "0.01, 99, 0.99",
            "12.34, 0, 13.00",
    })
    void endingRoundsUpToTheNextPriceWithThoseCents(String price, int cents, String expected) {
        assertThat(PriceRounding.ending(cents).apply(new BigDecimal(price))).isEqualTo(new BigDecimal(expected));
    }

    @Test
    void centsRoundingIsHalfUp() {
        assertThat(PriceRounding.CENTS.apply(new BigDecimal("1.005"))).isEqualTo(new BigDecimal("1.01"));
        assertThat(PriceRounding.CENTS.apply(new BigDecimal("1.004"))).isEqualTo(new BigDecimal("1.00"));
        assertThat(PriceRounding.CENTS.apply(new BigDecimal("7"))).isEqualTo(new BigDecimal("7.00"));
    }

    private static FeedMapping netMapping(String price) {
        return mapping("""
                format: csv
                decimalComma: true
                fields: {sku: sku, netPrice: net}
                price: %s
                priceGroup: retail-pln
                feedType: delta
                """.formatted(price));
    }

    private static BigDecimal grossOf(FeedMapping mapping, String net) {
        return product(read(mapping, "sku;net\nA;" + net + "\n").get(0)).grossPrice();
    }

    @Test
    void netBecomesGrossWithFixedVat() {
        FeedMapping mapping = netMapping("{vat: 23}");

        assertThat(grossOf(mapping, "10,00")).isEqualTo(new BigDecimal("12.30"));
        assertThat(grossOf(mapping, "8,13")).isEqualTo(new BigDecimal("10.00")); // 9.9999 HALF_UP
        assertThat(grossOf(mapping, "0,99")).isEqualTo(new BigDecimal("1.22")); // 1.2177
    }

    @Test
    void vatMultiplierAddAndEndingApplyInOrder() {
        FeedMapping mapping = netMapping("{vat: 23, multiplier: 1.2, add: 1.50, rounding: \"0.99\"}");

        // 10.00 × 1.23 = 12.30; × 1.2 = 14.76; + 1.50 = 16.26; → 16.99
        assertThat(grossOf(mapping, "10,00")).isEqualTo(new BigDecimal("16.99"));
        // 20.00 × 1.23 × 1.2 + 1.5 = 31.02 → 31.99
        assertThat(grossOf(mapping, "20")).isEqualTo(new BigDecimal("31.99"));
    }

    @Test
    void unquotedYamlEndingIsRead() {
        assertThat(netMapping("{vat: 23, rounding: 0.90}").price().rounding()).isEqualTo(PriceRounding.ending(90));
        assertThat(netMapping("{vat: 23, rounding: 0.01}").price().rounding()).isEqualTo(PriceRounding.CENTS);
        assertThat(netMapping("{vat: 23, rounding: none}").price().rounding()).isEqualTo(PriceRounding.CENTS);
    }

    @Test
    void vatFromTheRowWinsOverTheFixedRate() {
        FeedMapping mapping = mapping("""
                format: csv
                decimalComma: true
                fields: {sku: sku, netPrice: net, vatRate: vat}
                price: {vat: 23}
                priceGroup: retail-pln
                feedType: delta
                """);

        List<FeedRow> rows = read(mapping, """
                sku;net;vat
                A;100;8
                B;100;5%
                C;100;
                D;100;zw
                E;-1;23
                F;100;123
                """);

        assertThat(product(rows.get(0)).grossPrice()).isEqualTo(new BigDecimal("108.00"));
        assertThat(product(rows.get(1)).grossPrice()).isEqualTo(new BigDecimal("105.00"));
        assertThat(product(rows.get(2)).grossPrice()).isEqualTo(new BigDecimal("123.00"));
        assertThat(error(rows.get(3)).reason()).isEqualTo("VAT rate 'zw' is not a number");
        assertThat(error(rows.get(4)).reason()).isEqualTo("negative net price -1");
        assertThat(error(rows.get(5)).reason()).isEqualTo("VAT rate '123' is not a percentage from 0 to 100");
    }

    @Test
    void rowWithoutVatAndNoFixedRateIsAnError() {
        FeedMapping mapping = mapping("""
                format: csv
                fields: {sku: sku, netPrice: net, vatRate: vat}
                priceGroup: retail-pln
                feedType: delta
                """);

        List<FeedRow> rows = read(mapping, "sku;net;vat\nA;10;\nB;;23\n");

        assertThat(error(rows.get(0)).reason()).isEqualTo("missing VAT rate");
        assertThat(error(rows.get(1)).reason()).isEqualTo("missing net price");
    }

    @Test
    void grossPriceOnlyGetsTheFormula() {
        FeedMapping mapping = mapping("""
                format: csv
                fields: {sku: sku, grossPrice: gross}
                price: {multiplier: 0.9, rounding: "0.49"}
                priceGroup: b2b-eur
                feedType: delta
                """);

        List<FeedRow> rows = read(mapping, "sku;gross\nA;100\nB;56.20\n");

        // 100 × 0.9 = 90.00 → ending .49 → 90.49
        assertThat(product(rows.get(0)).grossPrice()).isEqualTo(new BigDecimal("90.49"));
        // 56.20 × 0.9 = 50.58, past .49 → the next one up: 51.49
        assertThat(product(rows.get(1)).grossPrice()).isEqualTo(new BigDecimal("51.49"));
    }

    @Test
    void thousandsSeparatorsWithDecimalComma() {
        FeedMapping mapping = netMapping("{vat: 0}");

        assertThat(grossOf(mapping, "1.234,50")).isEqualTo(new BigDecimal("1234.50"));
        assertThat(grossOf(mapping, "\"1 234,5\"")).isEqualTo(new BigDecimal("1234.50"));
        assertThat(grossOf(mapping, "12.5")).isEqualTo(new BigDecimal("12.50"));
    }
}
