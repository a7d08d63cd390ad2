package org.stockbridge.feed;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockbridge.feed.Feeds.error;
import static org.stockbridge.feed.Feeds.mapping;
import static org.stockbridge.feed.Feeds.product;
import static org.stockbridge.feed.Feeds.read;

class JsonFeedReaderTest {

    private static final String CATALOG_MAPPING = """
            format: json
            recordPath: /data/products
            fields:
              sku: /sku
              ean: /ean
              name: /name
              stock: /stock
              netPrice: /price/net
              vatRate: /price/vat
            price: {vat: 23}
            warehouse: main
            priceGroup: retail-pln
            feedType: full
            """;

    private static List<FeedRow> catalog() throws IOException {
        try (InputStream in = JsonFeedReaderTest.class.getResourceAsStream("/feeds/catalog.json")) {
            return read(mapping(CATALOG_MAPPING), in.readAllBytes(), "catalog.json");
        }
    }

    @Test
    void readsNestedRecordPathAndFieldPointers() throws IOException {
        List<FeedRow> rows = catalog();

        assertThat(rows).hasSize(7);
        ProductRow cable = product(rows.get(0));
        assertThat(cable).extracting(ProductRow::sku, ProductRow::ean, ProductRow::name, ProductRow::stock,
                        ProductRow::grossPrice, ProductRow::line, ProductRow::ordinal)
                .containsExactly("J-1", "5901234123457", "Kabel zasilający 1,5 m", 12, new BigDecimal("12.30"), 6L, 1L);
        ProductRow strip = product(rows.get(1));
        assertThat(strip.stock()).isEqualTo(10);
        assertThat(strip.grossPrice()).isEqualTo(new BigDecimal("10.00"));
        assertThat(strip.ean()).isNull();
        ProductRow fixedVat = product(rows.get(2));
        assertThat(fixedVat.stock()).isEqualTo(3);
        assertThat(fixedVat.grossPrice()).isEqualTo(new BigDecimal("1.85")); // 1.5 × 1.23 = 1.845 HALF_UP
    }

    @Test
    void badRecordsAreReportedAndReadingContinues() throws IOException {
        List<FeedRow> rows = catalog();

        assertThat(error(rows.get(3)).reason()).isEqualTo("field '/stock' is an object, not a value");
        assertThat(error(rows.get(3)).key()).isEqualTo("J-4");
        assertThat(error(rows.get(4)).reason()).isEqualTo("the record is a string, not an object");
        assertThat(error(rows.get(4)).ordinal()).isEqualTo(5);
        assertThat(error(rows.get(5)).reason()).isEqualTo("missing SKU");
        assertThat(error(rows.get(6)).reason()).isEqualTo("stock '3.5' is not a whole number");
        assertThat(rows).noneMatch(r -> r instanceof RowError e && e.fileBroken());
    }

    @Test
    void rootArrayOnOneLineUsesOrdinals() {
        FeedMapping mapping = mapping("""
                format: json
                recordPath: /
                fields: {sku: /id, stock: /qty}
                warehouse: main
                feedType: delta
                """);

        List<FeedRow> rows = read(mapping, "[{\"id\":\"A\",\"qty\":1},{\"id\":\"B\",\"qty\":-1},{\"id\":\"C\",\"qty\":\"brak\"}]");

        assertThat(product(rows.get(0)).stock()).isEqualTo(1);
        assertThat(error(rows.get(1)).describe()).isEqualTo("feed line 1 (record 2): negative stock -1 [B]");
        assertThat(error(rows.get(2)).ordinal()).isEqualTo(3);
    }

    @Test
    void anEmptyRecordPathIsTheRootToo() {
        FeedMapping mapping = mapping("""
                format: json
                recordPath: ""
                fields: {sku: /sku, stock: /stock_quantity}
                warehouse: main
                feedType: delta
                """);

        assertThat(mapping.recordPath()).isEmpty();
        List<FeedRow> rows = read(mapping, "[{\"sku\":\"A\",\"stock_quantity\":4}]");
        assertThat(product(rows.get(0)).stock()).isEqualTo(4);
    }

    @Test
    void syntaxErrorEndsTheFileWithOneBrokenError() {
        FeedMapping mapping = mapping("""
                format: json
                recordPath: /products
                fields: {sku: /id, stock: /qty}
                warehouse: main
                feedType: full
                """);

        List<FeedRow> rows = read(mapping, "{\"products\": [\n{\"id\":\"A\",\"qty\":1},\n{\"id\":\"B\" \"qty\":2},\n{\"id\":\"C\",\"qty\":3}]}");

        assertThat(rows).hasSize(2);
        assertThat(product(rows.get(0)).sku()).isEqualTo("A");
        RowError broken = error(rows.get(1));
        assertThat(broken.fileBroken()).isTrue();
        assertThat(broken.line()).isEqualTo(3);
        assertThat(broken.reason()).startsWith("JSON syntax error: Unexpected character ('\"'");
    }

    @Test
    void truncatedAfterTheArrayIsStillBroken() {
        FeedMapping mapping = mapping("""
                format: json
                recordPath: /products
                fields: {sku: /id, stock: /qty}
                warehouse: main
                feedType: full
                """);

        List<FeedRow> rows = read(mapping, "{\"products\": [{\"id\":\"A\",\"qty\":1}], \"next\": {\"pa");

        assertThat(rows).hasSize(2);
        assertThat(product(rows.get(0)).sku()).isEqualTo("A");
        assertThat(error(rows.get(1)).fileBroken()).isTrue();
    }

    @Test
    void missingRecordPathIsBroken() {
        FeedMapping mapping = mapping("""
                format: json
                recordPath: /data/items
                fields: {sku: /id, stock: /qty}
                warehouse: main
                feedType: full
                """);

        List<FeedRow> rows = read(mapping, "{\"data\": {\"products\": []}}");

        assertThat(rows).hasSize(1);
        assertThat(error(rows.get(0)).reason()).isEqualTo("no array at recordPath /data/items");
        assertThat(error(rows.get(0)).fileBroken()).isTrue();
        assertThat(error(read(mapping, "{\"data\": {\"items\": {}}}").get(0)).reason())
                .isEqualTo("recordPath /data/items is an object, not an array of records");
    }

    @Test
    void undecodableByteInAStringIsReportedForThatRecord() throws Exception {
        FeedMapping mapping = mapping("""
                format: json
                recordPath: /products
                fields: {sku: /id, stock: /qty, name: /name}
                warehouse: main
                feedType: full
                """);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.write("{\"products\": [{\"id\":\"A\",\"qty\":1,\"name\":\"Ż".getBytes("UTF-8"));
        bytes.write(0xFE);
        bytes.write("\"},{\"id\":\"B\",\"qty\":2,\"name\":\"Źdźbło\"}]}".getBytes("UTF-8"));

        List<FeedRow> rows = read(mapping, bytes.toByteArray());

        assertThat(error(rows.get(0)).reason()).isEqualTo("undecodable byte in field '/name' (encoding UTF-8)");
        assertThat(product(rows.get(1)).name()).isEqualTo("Źdźbło");
    }

    @Test
    void recordPathMayIndexArraysAndTheFileMayStartWithABom() {
        FeedMapping mapping = mapping("""
                format: json
                recordPath: /pages/1/items
                fields: {sku: /id, stock: /qty}
                stock: {textValues: {"": 0}}
                warehouse: main
                feedType: delta
                """);

        List<FeedRow> rows = read(mapping, "\uFEFF{\"pages\": [{\"items\": [{\"id\": \"skip\"}]}, {\"items\": "
                + "[{\"id\": \"P-1\", \"qty\": true}, {\"id\": \"P-2\"}, {\"id\": 17, \"qty\": \"\"}]}]}");

        assertThat(error(rows.get(0)).reason()).isEqualTo("stock 'true' is not a number");
        assertThat(product(rows.get(1)).stock()).isZero(); // missing property, "" mapped to 0
        assertThat(product(rows.get(2)).key()).isEqualTo("17");
        assertThat(product(rows.get(2)).stock()).isZero();
    }
}
