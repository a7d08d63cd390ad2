package org.stockbridge.feed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MappingLoaderTest {

    private static final String ACME = "mappings/acme.yaml";

    private static final String VALID_CSV = """
            format: csv
            fields:
              sku: Symbol
              stock: Stan
            warehouse: main
            feedType: full
            """;

    private static FeedMapping parse(String yaml) {
        return MappingLoader.parse(yaml, ACME);
    }

    private static void assertRejected(String yaml, String expectedMessage) {
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOf(MappingException.class)
                .hasMessage(expectedMessage);
    }

    @Test
    void loadsTheExampleWholesalerMapping() {
        FeedMapping mapping = MappingLoader.load(Path.of("mappings/example-wholesaler.yaml"));

        assertThat(mapping.source()).isEqualTo(Path.of("mappings/example-wholesaler.yaml").toString());
        assertThat(mapping.format()).isEqualTo(FeedFormat.CSV);
        assertThat(mapping.encoding()).isEqualTo(Charset.forName("windows-1250"));
        assertThat(mapping.csv()).isEqualTo(new CsvLayout(';', '"', true, 0));
        assertThat(mapping.decimalComma()).isTrue();
        assertThat(mapping.key()).isEqualTo(KeyField.SKU);
        assertThat(mapping.fields()).containsExactly(
                Map.entry(FeedField.SKU, FieldRef.path("Symbol")),
                Map.entry(FeedField.EAN, FieldRef.path("EAN")),
                Map.entry(FeedField.NAME, FieldRef.path("Nazwa")),
                Map.entry(FeedField.STOCK, FieldRef.path("Stan")),
                Map.entry(FeedField.NET_PRICE, FieldRef.path("Cena netto")));
        assertThat(mapping.price().vat()).isEqualByComparingTo("23");
        assertThat(mapping.price().multiplier()).isEqualByComparingTo("1");
        assertThat(mapping.price().rounding()).isEqualTo(PriceRounding.ending(99));
        assertThat(mapping.stock().textValues()).containsOnly(
                Map.entry("brak", 0), Map.entry("na zamówienie", 0), Map.entry("dostępny", 5));
        assertThat(mapping.warehouse()).isEqualTo("main");
        assertThat(mapping.priceGroup()).isEqualTo("retail-pln");
        assertThat(mapping.unknownKeys()).isEqualTo(UnknownKeys.REPORT);
        assertThat(mapping.feedType()).isEqualTo(FeedType.FULL);
        assertThat(mapping.fullFeedGuardPercent()).isEqualTo(50);
        assertThat(mapping.maxBadRowsPercent()).isEqualTo(10);
    }

    @Test
    void exampleWholesalerMappingReadsTheFileItDescribes() {
        FeedMapping mapping = MappingLoader.load(Path.of("mappings/example-wholesaler.yaml"));
        String csv = "Symbol;EAN;Nazwa;Stan;Cena netto\r\n"
                + "AC-1001;5901234123457;Śrubokręt płaski 5 mm;12;10,50\r\n"
                + "AC-1002;5901234123464;Klucz nasadowy ½\";>50;24,99\r\n"
                + "AC-1003;;Młotek ślusarski 500 g;brak;31,00\r\n";

        List<FeedRow> rows = Feeds.read(mapping, csv.getBytes(Charset.forName("windows-1250")));

        // 10.50 × 1.23 = 12.915 → 12.92 → 12.99; 24.99 × 1.23 = 30.7377 → 30.74 → 30.99; 31 × 1.23 = 38.13 → 38.99
        assertThat(rows).extracting(r -> Feeds.product(r).grossPrice()).containsExactly(
                new BigDecimal("12.99"), new BigDecimal("30.99"), new BigDecimal("38.99"));
        assertThat(rows).extracting(r -> Feeds.product(r).stock()).containsExactly(12, 50, 0);
        assertThat(Feeds.product(rows.get(0)).name()).isEqualTo("Śrubokręt płaski 5 mm");
        // '½' has no windows-1250 byte, so the fixture writer (Java) put '?' there: a valid byte, read as is
        assertThat(Feeds.product(rows.get(1)).name()).isEqualTo("Klucz nasadowy ?\"");
    }

    @Test
    void defaults() {
        FeedMapping mapping = parse(VALID_CSV);

        assertThat(mapping.encoding()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(mapping.csv()).isEqualTo(new CsvLayout(';', '"', true, 0));
        assertThat(mapping.decimalComma()).isFalse();
        assertThat(mapping.key()).isEqualTo(KeyField.SKU);
        assertThat(mapping.price()).isEqualTo(PriceRule.NONE);
        assertThat(mapping.stock().textValues()).isEmpty();
        assertThat(mapping.unknownKeys()).isEqualTo(UnknownKeys.REPORT);
        assertThat(mapping.fullFeedGuardPercent()).isEqualTo(50);
        assertThat(mapping.maxBadRowsPercent()).isEqualTo(10);
        assertThat(mapping.priceGroup()).isNull();
    }

    @Test
    void xmlWithoutEncodingUsesTheFileDeclaration() {
        FeedMapping mapping = MappingLoader.load(Path.of("mappings/example-xml.yaml"));

        assertThat(mapping.encoding()).isNull();
        assertThat(mapping.recordPath()).isEqualTo("/offer/products/product");
        assertThat(mapping.field(FeedField.SKU)).isEqualTo(FieldRef.path("@id"));
        assertThat(mapping.key()).isEqualTo(KeyField.EAN);
        assertThat(mapping.feedType()).isEqualTo(FeedType.DELTA);
        assertThat(mapping.unknownKeys()).isEqualTo(UnknownKeys.CREATE);
    }

    @Test
    void errorsNameTheFileAsGiven(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("acme.yaml");
        Files.writeString(file, VALID_CSV.replace("feedType: full", "feedType: fulll"));

        assertThatThrownBy(() -> MappingLoader.load(file))
                .isInstanceOf(MappingException.class)
                .hasMessage(file + ": feedType: 'fulll' is not one of full, delta")
                .satisfies(e -> assertThat(((MappingException) e).key()).isEqualTo("feedType"))
                .satisfies(e -> assertThat(((MappingException) e).source()).isEqualTo(file.toString()));
    }

    @Test
    void missingFileIsAMappingError(@TempDir Path dir) {
        Path file = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> MappingLoader.load(file))
                .isInstanceOf(MappingException.class)
                .hasMessageStartingWith(file + ": cannot read the mapping file");
    }

    @Test
    void unknownKeysAreRejectedWithTheKnownOnes() {
        assertRejected(VALID_CSV + "separater: ','\n",
                ACME + ": separater: unknown key (expected one of format, encoding, decimalComma, separator, quote, "
                        + "header, skipLines, recordPath, key, fields, price, stock, warehouse, priceGroup, unknownKeys, "
                        + "feedType, fullFeedGuardPercent, maxBadRowsPercent)");
        assertRejected(VALID_CSV.replace("stock: Stan", "stok: Stan"),
                ACME + ": fields.stok: unknown key (expected one of sku, ean, name, stock, netPrice, grossPrice, "
                        + "vatRate, warehouse)");
        assertRejected(VALID_CSV + "stock: {textValue: {brak: 0}}\n",
                ACME + ": stock.textValue: unknown key (expected one of textValues)");
    }

    @Test
    void requiredKeys() {
        assertRejected("fields: {sku: a}\n", ACME + ": format: required (one of csv, xml, json)");
        assertRejected("format: csv\nfeedType: full\n", ACME + ": fields: required: which column holds sku, ean, "
                + "name, stock, netPrice, grossPrice, vatRate, warehouse");
        assertRejected(VALID_CSV.replace("  sku: Symbol\n", "  ean: EAN\n"),
                ACME + ": fields.sku: required, because key is sku");
        assertRejected(VALID_CSV.replace("feedType: full\n", ""), ACME + ": feedType: required (one of full, delta)");
        assertRejected(VALID_CSV.replace("warehouse: main\n", ""),
                ACME + ": warehouse: required: the hub warehouse the stock of this feed lands in");
        assertRejected(VALID_CSV.replace("  stock: Stan\n", "  name: Nazwa\n").replace("warehouse: main\n", ""),
                ACME + ": fields: map at least one of stock, netPrice, grossPrice");
        assertRejected(VALID_CSV.replace("  stock: Stan\n", "  netPrice: Netto\n").replace("warehouse: main\n",
                        "priceGroup: retail-pln\n"),
                ACME + ": price.vat: required: fields.netPrice is mapped but there is no fields.vatRate");
        assertRejected(VALID_CSV.replace("  stock: Stan\n", "  grossPrice: Brutto\n").replace("warehouse: main\n", ""),
                ACME + ": priceGroup: required: the hub price group the prices of this feed land in");
        assertRejected("format: xml\nfields: {sku: a, stock: b}\nwarehouse: main\nfeedType: full\n",
                ACME + ": recordPath: required (the element path of one product, such as /offer/products/product)");
    }

    @Test
    void badValues() {
        assertRejected(VALID_CSV.replace("format: csv", "format: xlsx"),
                ACME + ": format: 'xlsx' is not one of csv, xml, json");
        assertRejected(VALID_CSV + "encoding: win-1250\n",
                ACME + ": encoding: unknown encoding 'win-1250' (for example UTF-8, windows-1250, ISO-8859-2)");
        assertRejected(VALID_CSV + "separator: ';;'\n",
                ACME + ": separator: expected a single character such as ';' or 'tab', found ';;'");
        assertRejected(VALID_CSV + "quote: ';'\n", ACME + ": quote: must differ from the separator ';'");
        assertRejected(VALID_CSV + "header: yes please\n", ACME + ": header: expected true or false, found 'yes please'");
        assertRejected(VALID_CSV + "maxBadRowsPercent: 150\n",
                ACME + ": maxBadRowsPercent: expected a whole number from 0 to 100, found 150");
        assertRejected(VALID_CSV + "stock: {textValues: {brak: dużo}}\n",
                ACME + ": stock.textValues.brak: expected a stock quantity (a whole number ≥ 0), found 'dużo'");
        assertRejected(VALID_CSV + "stock: {textValues: {Brak: 0, brak: 1}}\n",
                ACME + ": stock.textValues.brak: listed twice (text values are matched ignoring case and spaces around)");
        assertRejected(VALID_CSV.replace("warehouse: main", "warehouse: main store"),
                ACME + ": warehouse: 'main store' is not a hub id (letters, digits, '-', '_', '.'), such as main or retail-pln");
        assertRejected(VALID_CSV + "recordPath: /a\n",
                ACME + ": recordPath: only for format xml or json (CSV rows are the records)");
        assertRejected("format: json\nseparator: ','\n", ACME + ": separator: only for format csv (this mapping is json)");
    }

    @Test
    void priceSectionErrors() {
        String gross = VALID_CSV.replace("  stock: Stan\n", "  stock: Stan\n  grossPrice: Brutto\n")
                + "priceGroup: retail-pln\n";
        assertRejected(gross + "price: {rounding: '0.999'}\n",
                ACME + ": price.rounding: expected none, 0.01 or a price ending such as 0.99, 0.49, 0.90; found '0.999'");
        assertRejected(gross + "price: {rounding: up}\n",
                ACME + ": price.rounding: expected none, 0.01 or a price ending such as 0.99, 0.49, 0.90; found 'up'");
        assertRejected(gross + "price: {multiplier: 0}\n", ACME + ": price.multiplier: must be greater than 0, found 0");
        assertRejected(gross + "price: {multiplier: lots}\n",
                ACME + ": price.multiplier: expected a number such as 1.25, found 'lots'");
        assertRejected(gross + "price: {vat: 23}\n",
                ACME + ": price.vat: only used with fields.netPrice (this feed has gross prices)");
        assertRejected(gross.replace("  grossPrice: Brutto\n", "  netPrice: Netto\n") + "price: {vat: 230}\n",
                ACME + ": price.vat: a VAT rate in percent from 0 to 100, found 230");
        assertRejected(gross.replace("  grossPrice: Brutto\n", "  grossPrice: Brutto\n  netPrice: Netto\n"),
                ACME + ": fields.grossPrice: map netPrice or grossPrice, not both");
        assertRejected(VALID_CSV + "price: {multiplier: 2}\n",
                ACME + ": price: set, but the feed maps no price (fields.netPrice or fields.grossPrice)");
    }

    @Test
    void fieldReferencesTheFormatCannotExpress() {
        assertRejected(VALID_CSV + "header: false\n",
                ACME + ": fields.sku: column 'Symbol' is a header name, but header is false; give the 1-based column "
                        + "position instead");
        assertRejected(VALID_CSV.replace("stock: Stan", "stock: 0"), ACME + ": fields.stock: column 0: positions start at 1");
        assertRejected("format: xml\nrecordPath: /a/b\nfields: {sku: id, stock: 3}\nwarehouse: main\nfeedType: full\n",
                ACME + ": fields.stock: column 3: a column position only works for csv; name a child element or @attribute");
        assertRejected("format: xml\nrecordPath: /a/b\nfields: {sku: 'item[1]/id', stock: q}\nwarehouse: main\nfeedType: full\n",
                ACME + ": fields.sku: 'item[1]/id' is not a child element path such as name, stock/quantity, @id or stock/@qty");
        assertRejected("format: xml\nrecordPath: //product\nfields: {sku: id, stock: q}\nwarehouse: main\nfeedType: full\n",
                ACME + ": recordPath: '//product' is not an element path such as /offer/products/product "
                        + "(element names only; no //, *, [..] or @)");
        assertRejected("format: json\nrecordPath: /p\nfields: {sku: id, stock: /q}\nwarehouse: main\nfeedType: full\n",
                ACME + ": fields.sku: 'id' is not a JSON Pointer such as /stock or /price/net");
        assertRejected("format: json\nrecordPath: products\nfields: {sku: /id, stock: /q}\nwarehouse: main\nfeedType: full\n",
                ACME + ": recordPath: 'products' is not a JSON Pointer such as /stock or /price/net");
    }

    @Test
    void yamlProblems() {
        assertRejected("", ACME + ": the mapping file is empty");
        assertRejected("- csv\n", ACME + ": expected a YAML mapping of keys (format:, fields:, ...), found a list");
        assertThatThrownBy(() -> parse(VALID_CSV + "format: xml\n"))
                .isInstanceOf(MappingException.class)
                .hasMessageStartingWith(ACME + ": not valid YAML at line 7: Duplicate field 'format'");
        assertThatThrownBy(() -> parse("format: csv\nfields: [sku\n"))
                .isInstanceOf(MappingException.class)
                .hasMessageStartingWith(ACME + ": not valid YAML at line");
        assertRejected("format: csv\nfields: sku\nfeedType: full\n",
                ACME + ": fields: expected a section of keys, found 'sku'");
    }
}
