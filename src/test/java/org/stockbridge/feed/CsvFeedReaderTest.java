package org.stockbridge.feed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockbridge.feed.Feeds.error;
import static org.stockbridge.feed.Feeds.mapping;
import static org.stockbridge.feed.Feeds.product;
import static org.stockbridge.feed.Feeds.read;

class CsvFeedReaderTest {

    private static final String POLISH = "Zażółć gęślą jaźń ĄĘŁŃÓŚŹŻ";

    private static String headerMapping(String encoding) {
        return """
                format: csv
                encoding: %s
                decimalComma: true
                fields:
                  sku: Symbol
                  ean: EAN
                  name: Nazwa
                  stock: Stan
                  grossPrice: Cena
                stock:
                  textValues: {brak: 0, "na zamówienie": 0, dostępny: 5}
                warehouse: main
                priceGroup: retail-pln
                feedType: full
                """.formatted(encoding);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "windows-1250", "ISO-8859-2"})
    void readsPolishLettersInTheMappedEncoding(String encoding) {
        Charset charset = Charset.forName(encoding);
        String csv = "Symbol;EAN;Nazwa;Stan;Cena\r\n"
                + "AB-1;5901234123457;" + POLISH + ";12;10,50\r\n"
                + "AB-2;;Śruba łączna;0;1,05\r\n";
        byte[] bytes = csv.getBytes(charset);
        // The fixture really is in the single-byte charset: ż is one byte there, two in UTF-8.
        long polishLetters = csv.chars().filter(c -> c > 127).count();
        assertThat(bytes.length).isEqualTo(csv.length() + (encoding.equals("UTF-8") ? polishLetters : 0));

        List<FeedRow> rows = read(mapping(headerMapping(encoding)), bytes);

        assertThat(rows).hasSize(2);
        ProductRow first = product(rows.get(0));
        assertThat(first.name()).isEqualTo(POLISH);
        assertThat(first.sku()).isEqualTo("AB-1");
        assertThat(first.key()).isEqualTo("AB-1");
        assertThat(first.ean()).isEqualTo("5901234123457");
        assertThat(first.stock()).isEqualTo(12);
        assertThat(first.grossPrice()).isEqualByComparingTo("10.50");
        assertThat(first.grossPrice().scale()).isEqualTo(2);
        assertThat(first.warehouse()).isEqualTo("main");
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.ordinal()).isEqualTo(1);
        ProductRow second = product(rows.get(1));
        assertThat(second.name()).isEqualTo("Śruba łączna");
        assertThat(second.ean()).isNull();
        assertThat(second.line()).isEqualTo(3);
    }

    @Test
    void readsColumnsByPositionWithoutHeader() {
        FeedMapping mapping = mapping("""
                format: csv
                separator: ","
                header: false
                fields: {sku: 2, stock: 4, name: 1}
                warehouse: acme
                feedType: delta
                """);

        List<FeedRow> rows = read(mapping, "Kabel 3m,K-3,x,7\nKabel 5m,K-5,y,0\n");

        assertThat(rows).extracting(r -> product(r).sku()).containsExactly("K-3", "K-5");
        assertThat(rows).extracting(r -> product(r).stock()).containsExactly(7, 0);
        assertThat(product(rows.get(0)).name()).isEqualTo("Kabel 3m");
        assertThat(product(rows.get(0)).line()).isEqualTo(1);
        assertThat(product(rows.get(0)).grossPrice()).isNull();
    }

    @Test
    void quotedFieldsMayHoldSeparatorsQuotesAndLineBreaks() {
        String csv = """
                Symbol;EAN;Nazwa;Stan;Cena
                "Q;1";;"Kabel ""HDMI""; 2 m";3;"1 234,50"
                Q-2;;"dwie
                linie";4;5
                Q-3;;zwykła;5;6
                """;

        List<FeedRow> rows = read(mapping(headerMapping("UTF-8")), csv);

        assertThat(rows).hasSize(3);
        assertThat(product(rows.get(0)).sku()).isEqualTo("Q;1");
        assertThat(product(rows.get(0)).name()).isEqualTo("Kabel \"HDMI\"; 2 m");
        assertThat(product(rows.get(0)).grossPrice()).isEqualByComparingTo("1234.50");
        assertThat(product(rows.get(1)).name()).isEqualTo("dwie\nlinie");
        assertThat(product(rows.get(1)).line()).isEqualTo(3);
        // the multi-line record moved the line count on: Q-3 is on line 5
        assertThat(product(rows.get(2)).line()).isEqualTo(5);
    }

    @Test
    void readsStockWordsAndLowerBounds() {
        String csv = """
                Symbol;EAN;Nazwa;Stan;Cena
                S-1;;a;10+;1
                S-2;;b;>10;1
                S-3;;c;BRAK;1
                S-4;;d;Na zamówienie;1
                S-5;;e;dostępny;1
                S-6;;f;3,0;1
                S-7;;g; 8 ;1
                """;

        List<FeedRow> rows = read(mapping(headerMapping("UTF-8")), csv);

        assertThat(rows).extracting(r -> product(r).stock()).containsExactly(10, 10, 0, 0, 5, 3, 8);
    }

    @Test
    void badRowsAreReportedAndTheFileContinues() {
        String csv = """
                Symbol;EAN;Nazwa;Stan;Cena
                B-1;;ok;1;1,00
                B-2;;neg;-3;1,00
                B-3;;text;abc;1,00
                ;;no sku;4;1,00
                B-5;;half;3,5;1,00
                B-6;;price;2;12zł
                B-7;;short
                B-8;;empty stock;;1,00
                B-9;;ok again;9;2,00
                """;

        List<FeedRow> rows = read(mapping(headerMapping("UTF-8")), csv, StandardCharsets.UTF_8);

        assertThat(rows).hasSize(9);
        assertThat(product(rows.get(0)).sku()).isEqualTo("B-1");
        assertThat(error(rows.get(1)).reason()).isEqualTo("negative stock -3");
        assertThat(error(rows.get(1)).key()).isEqualTo("B-2");
        assertThat(error(rows.get(1)).line()).isEqualTo(3);
        assertThat(error(rows.get(1)).fileBroken()).isFalse();
        assertThat(error(rows.get(2)).reason()).isEqualTo("stock 'abc' is not a number");
        assertThat(error(rows.get(3)).reason()).isEqualTo("missing SKU");
        assertThat(error(rows.get(3)).key()).isNull();
        assertThat(error(rows.get(3)).line()).isEqualTo(5);
        assertThat(error(rows.get(4)).reason()).isEqualTo("stock '3,5' is not a whole number");
        assertThat(error(rows.get(5)).reason()).isEqualTo("gross price '12zł' is not a number");
        assertThat(error(rows.get(6)).reason()).isEqualTo("row has 3 columns, so column 'Stan' is missing");
        assertThat(error(rows.get(7)).reason()).isEqualTo("missing stock");
        assertThat(product(rows.get(8)).stock()).isEqualTo(9);
        assertThat(error(rows.get(1)).describe()).isEqualTo("feed line 3 (record 2): negative stock -3 [B-2]");
    }

    @Test
    void readerCountsProductsAndErrors() {
        String csv = "Symbol;EAN;Nazwa;Stan;Cena\nA;;a;1;1\nB;;b;x;1\nC;;c;2;1\n";
        FeedMapping mapping = mapping(headerMapping("UTF-8"));
        try (FeedReader reader = FeedReader.open(new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "f.csv", mapping)) {
            assertThat(reader.stream().count()).isEqualTo(3);
            assertThat(reader.productRows()).isEqualTo(2);
            assertThat(reader.rowErrors()).isEqualTo(1);
            assertThat(reader.isBroken()).isFalse();
            assertThat(mapping.tooManyBadRows(reader.productRows(), reader.rowErrors())).isTrue();
            assertThat(mapping.tooManyBadRows(9, 1)).isFalse();
        }
    }

    @Test
    void undecodableUtf8ByteIsReportedForItsRowOnly() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("Symbol;EAN;Nazwa;Stan;Cena\nU-1;;Kab".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xFF); // never valid in UTF-8
        bytes.write("el;1;1,00\nU-2;;Łącznik;2;1,00\n".getBytes(StandardCharsets.UTF_8));

        List<FeedRow> rows = read(mapping(headerMapping("UTF-8")), bytes.toByteArray());

        assertThat(error(rows.get(0)).reason()).isEqualTo("undecodable byte in column 'Nazwa' (encoding UTF-8)");
        assertThat(error(rows.get(0)).key()).isEqualTo("U-1");
        assertThat(product(rows.get(1)).name()).isEqualTo("Łącznik");
    }

    @Test
    void unmappedWindows1250ByteIsReported() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("Symbol;EAN;Nazwa;Stan;Cena\nW-1;;".getBytes("windows-1250"));
        bytes.write(0x98); // one of the few bytes windows-1250 leaves undefined
        bytes.write(";1;1,00\nW-2;;Żarówka;2;1,00\n".getBytes("windows-1250"));

        List<FeedRow> rows = read(mapping(headerMapping("windows-1250")), bytes.toByteArray());

        assertThat(error(rows.get(0)).reason())
                .isEqualTo("undecodable byte in column 'Nazwa' (encoding windows-1250)");
        assertThat(product(rows.get(1)).name()).isEqualTo("Żarówka");
    }

    @Test
    void skipsTitleLinesBomAndBlankLinesKeepingFileLineNumbers() {
        String csv = "\uFEFFEksport z dnia 2026-11-23\n"
                + "Symbol;EAN;Nazwa;Stan;Cena\n"
                + "\n"
                + "L-1;;a;1;1\n"
                + ";;;;\n"
                + "L-2;;b;2;1\n";
        FeedMapping mapping = mapping(headerMapping("UTF-8") + "skipLines: 1\n");

        List<FeedRow> rows = read(mapping, csv);

        assertThat(rows).extracting(r -> product(r).sku()).containsExactly("L-1", "L-2");
        assertThat(rows).extracting(FeedRow::line).containsExactly(4L, 6L);
        assertThat(rows).extracting(FeedRow::ordinal).containsExactly(1L, 2L);
    }

    @Test
    void utf8BomBeforeTheHeaderIsIgnored() {
        List<FeedRow> rows = read(mapping(headerMapping("UTF-8")), "\uFEFFSymbol;EAN;Nazwa;Stan;Cena\nX;;x;1;1\n");

        assertThat(product(rows.get(0)).sku()).isEqualTo("X");
    }

    @Test
    void headerMatchesNamesIgnoringCaseAndSpaces() {
        List<FeedRow> rows = read(mapping(headerMapping("UTF-8")), " symbol ;ean;NAZWA;Stan ;cena\nX;;x;1;1\n");

        assertThat(product(rows.get(0)).stock()).isEqualTo(1);
    }

    @Test
    void headerWithoutAMappedColumnBreaksTheFile() {
        List<FeedRow> rows = read(mapping(headerMapping("UTF-8")), "Symbol;EAN;Nazwa;Ilość;Cena\nX;;x;1;1\n");

        assertThat(rows).hasSize(1);
        RowError error = error(rows.get(0));
        assertThat(error.fileBroken()).isTrue();
        assertThat(error.line()).isEqualTo(1);
        assertThat(error.reason()).isEqualTo("the header has no column 'Stan' (fields.stock); its columns are: "
                + "'Symbol', 'EAN', 'Nazwa', 'Ilość', 'Cena'");
    }

    @Test
    void emptyFileWithHeaderExpectedIsBroken() {
        FeedMapping mapping = mapping(headerMapping("UTF-8"));
        try (FeedReader reader = FeedReader.open(new java.io.ByteArrayInputStream(new byte[0]), "empty.csv", mapping)) {
            RowError error = error(reader.next());
            assertThat(error.reason()).isEqualTo("the file is empty: no header line");
            assertThat(reader.hasNext()).isFalse();
            assertThat(reader.isBroken()).isTrue();
        }
    }

    @Test
    void positionalColumnIsLabelledWithItsHeaderName() {
        FeedMapping mapping = mapping("""
                format: csv
                fields: {sku: 1, stock: 3}
                warehouse: main
                feedType: full
                """);

        List<FeedRow> rows = read(mapping, "Kod;Nazwa;Stan\nA;a;zero\n");

        assertThat(error(rows.get(0)).reason()).isEqualTo("stock 'zero' is not a number");
        assertThat(read(mapping, "Kod;Nazwa;Stan\nA;a\n").get(0))
                .extracting(r -> error(r).reason()).isEqualTo("row has 2 columns, so column 3 ('Stan') is missing");
    }

    @Test
    void keyCanBeTheEan() {
        FeedMapping mapping = mapping("""
                format: csv
                key: ean
                fields: {ean: EAN, stock: Stan}
                warehouse: main
                feedType: full
                """);

        List<FeedRow> rows = read(mapping, "EAN;Stan\n5901234123457;4\n;5\n");

        assertThat(product(rows.get(0)).key()).isEqualTo("5901234123457");
        assertThat(product(rows.get(0)).sku()).isNull();
        assertThat(error(rows.get(1)).reason()).isEqualTo("missing EAN");
    }

    @Test
    void rowWarehouseOverridesTheMappingWarehouse() {
        FeedMapping mapping = mapping("""
                format: csv
                separator: tab
                fields: {sku: sku, stock: qty, warehouse: wh}
                warehouse: main
                feedType: delta
                """);

        List<FeedRow> rows = read(mapping, "sku\tqty\twh\nA\t1\tkrakow\nB\t2\t\n");

        assertThat(product(rows.get(0)).warehouse()).isEqualTo("krakow");
        assertThat(product(rows.get(1)).warehouse()).isEqualTo("main");
    }

    @Test
    void decimalPointModeRejectsCommaInsteadOfGuessing() {
        FeedMapping mapping = mapping("""
                format: csv
                fields: {sku: sku, grossPrice: price}
                priceGroup: retail-pln
                feedType: delta
                """);

        List<FeedRow> rows = read(mapping, "sku;price\nA;\"12,50\"\nB;12.5\n");

        assertThat(error(rows.get(0)).reason())
                .isEqualTo("gross price '12,50' is not a number (the mapping has decimalComma: false)");
        assertThat(product(rows.get(1)).grossPrice()).isEqualTo(new BigDecimal("12.50"));
    }

    @Test
    void quoteNeverClosedBeforeTheEndBreaksTheFile() {
        List<FeedRow> rows = read(mapping(headerMapping("UTF-8")),
                "Symbol;EAN;Nazwa;Stan;Cena\nA;;\"Kabel;1;1\nB;;b;2;1\nC;;c;3;1\n");

        assertThat(rows).hasSize(2);
        RowError broken = error(rows.get(1));
        assertThat(broken.fileBroken()).isTrue();
        assertThat(broken.reason())
                .isEqualTo("the quoted field starting on line 2 is never closed: the rest of the file was read as one field");
    }

    @Test
    void textAfterAClosingQuoteBreaksTheFileAtItsLine() {
        List<FeedRow> rows = read(mapping(headerMapping("UTF-8")),
                "Symbol;EAN;Nazwa;Stan;Cena\nA;;a;1;1\nB;;\"Kabel\" 5m;2;1\nC;;c;3;1\n");

        assertThat(rows).hasSize(2);
        assertThat(product(rows.get(0)).sku()).isEqualTo("A");
        RowError broken = error(rows.get(1));
        assertThat(broken.fileBroken()).isTrue();
        assertThat(broken.line()).isEqualTo(3);
        assertThat(broken.reason()).isEqualTo("CSV cannot be parsed: Unexpected character after closing quote: ' ' (0x20)");
    }

    @Test
    void multiLineQuotedFieldInTheLastRowIsFine() {
        List<FeedRow> rows = read(mapping(headerMapping("UTF-8")),
                "Symbol;EAN;Nazwa;Stan;Cena\nA;;\"dwie\nlinie\";1;1\n");

        assertThat(rows).hasSize(1);
        assertThat(product(rows.get(0)).name()).isEqualTo("dwie\nlinie");
    }
}
