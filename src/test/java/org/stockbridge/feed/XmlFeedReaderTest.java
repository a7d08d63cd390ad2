package org.stockbridge.feed;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stockbridge.feed.Feeds.error;
import static org.stockbridge.feed.Feeds.mapping;
import static org.stockbridge.feed.Feeds.product;
import static org.stockbridge.feed.Feeds.read;

class XmlFeedReaderTest {

    private static List<FeedRow> readResource(FeedMapping mapping, String resource) throws IOException {
        try (InputStream in = XmlFeedReaderTest.class.getResourceAsStream("/feeds/" + resource)) {
            return read(mapping, in.readAllBytes(), resource);
        }
    }

    @Test
    void exampleMappingReadsAttributesChildElementsAndNestedPaths() throws IOException {
        FeedMapping mapping = MappingLoader.load(Path.of("mappings/example-xml.yaml"));

        List<FeedRow> rows = readResource(mapping, "offer.xml");

        assertThat(rows).hasSize(4);
        ProductRow drill = product(rows.get(0));
        assertThat(drill.key()).isEqualTo("5901234123457");
        assertThat(drill.sku()).isEqualTo("XL-100");
        assertThat(drill.name()).isEqualTo("Wiertarka udarowa 750 W & walizka");
        assertThat(drill.stock()).isEqualTo(7);
        // 349.00 × 1.15 = 401.35 → ending .99 → 401.99
        assertThat(drill.grossPrice()).isEqualTo(new BigDecimal("401.99"));
        assertThat(drill.warehouse()).isEqualTo("xl-supplier");
        assertThat(drill.line()).isEqualTo(6);
        assertThat(drill.fileName()).isEqualTo("offer.xml");

        RowError noStockWord = error(rows.get(1)); // the example maps no "brak"
        assertThat(noStockWord.reason()).isEqualTo("stock 'brak' is not a number");
        assertThat(noStockWord.key()).isEqualTo("5901234123464");
        assertThat(noStockWord.line()).isEqualTo(13);
        assertThat(noStockWord.ordinal()).isEqualTo(2);

        assertThat(error(rows.get(2)).reason()).isEqualTo("missing EAN");
        assertThat(error(rows.get(3)).reason()).isEqualTo("negative stock -2");
    }

    @Test
    void recordAttributesAndChildAttributes() {
        FeedMapping mapping = mapping("""
                format: xml
                recordPath: /items/item
                fields: {sku: "@code", stock: "stock/@qty", name: title, warehouse: "stock/@store"}
                warehouse: main
                feedType: full
                """);

        List<FeedRow> rows = read(mapping, """
                <items>
                  <item code="A1"><title>Pierwszy</title><stock qty="10+" store="krakow"/></item>
                  <item code="A2"><title>Drugi</title><stock qty="3"/><title>ignored second title</title></item>
                </items>
                """);

        assertThat(product(rows.get(0))).extracting(ProductRow::sku, ProductRow::name, ProductRow::stock,
                ProductRow::warehouse).containsExactly("A1", "Pierwszy", 10, "krakow");
        assertThat(product(rows.get(1))).extracting(ProductRow::sku, ProductRow::name, ProductRow::stock,
                ProductRow::warehouse).containsExactly("A2", "Drugi", 3, "main");
    }

    @Test
    void prefixedNamesMatchGoogleMerchantStyleFeeds() {
        FeedMapping mapping = mapping("""
                format: xml
                recordPath: /rss/channel/item
                fields: {sku: "g:id", grossPrice: "g:price", name: title}
                priceGroup: retail-pln
                feedType: delta
                """);

        List<FeedRow> rows = read(mapping, """
                <rss xmlns:g="http://base.google.com/ns/1.0" version="2.0"><channel>
                <item><g:id>G-1</g:id><id>other</id><title>Lampa</title><g:price>99.90</g:price></item>
                </channel></rss>
                """);

        assertThat(product(rows.get(0))).extracting(ProductRow::sku, ProductRow::name, ProductRow::grossPrice)
                .containsExactly("G-1", "Lampa", new BigDecimal("99.90"));
    }

    @Test
    void declaredWindows1250EncodingIsHonoured() {
        FeedMapping mapping = mapping("""
                format: xml
                recordPath: /p/r
                fields: {sku: s, stock: q, name: n}
                warehouse: main
                feedType: full
                """);
        String xml = "<?xml version=\"1.0\" encoding=\"windows-1250\"?><p><r><s>A</s><n>Łódź żółta</n><q>1</q></r></p>";

        List<FeedRow> rows = read(mapping, xml.getBytes(Charset.forName("windows-1250")));

        assertThat(product(rows.get(0)).name()).isEqualTo("Łódź żółta");
    }

    @Test
    void mappingEncodingOverridesTheDeclarationAndReportsBadBytes() throws Exception {
        FeedMapping mapping = mapping("""
                format: xml
                encoding: UTF-8
                recordPath: /p/r
                fields: {sku: s, stock: q, name: n}
                warehouse: main
                feedType: full
                """);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.write("<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?><p><r><s>A</s><n>Z".getBytes("UTF-8"));
        bytes.write(0xC0); // a lone UTF-8 lead byte
        bytes.write("</n><q>1</q></r><r><s>B</s><n>ok</n><q>2</q></r></p>".getBytes("UTF-8"));

        List<FeedRow> rows = read(mapping, bytes.toByteArray());

        assertThat(error(rows.get(0)).reason()).isEqualTo("undecodable byte in element 'n' (encoding UTF-8)");
        assertThat(product(rows.get(1)).stock()).isEqualTo(2);
    }

    @Test
    void notWellFormedXmlEndsWithOneBrokenFileError() {
        FeedMapping mapping = mapping("""
                format: xml
                recordPath: /p/r
                fields: {sku: s, stock: q}
                warehouse: main
                feedType: full
                """);

        List<FeedRow> rows = read(mapping, "<p>\n<r><s>A</s><q>1</q></r>\n<r><s>B</s><q>2</q></x>\n<r><s>C</s><q>3</q></r></p>");

        assertThat(rows).hasSize(2);
        assertThat(product(rows.get(0)).sku()).isEqualTo("A");
        RowError broken = error(rows.get(1));
        assertThat(broken.fileBroken()).isTrue();
        assertThat(broken.line()).isEqualTo(3);
        assertThat(broken.reason()).startsWith("XML is not well-formed: ").contains("\"r\"");
    }

    @Test
    void truncatedXmlIsBroken() {
        FeedMapping mapping = mapping("""
                format: xml
                recordPath: /p/r
                fields: {sku: s, stock: q}
                warehouse: main
                feedType: full
                """);
        try (FeedReader reader = FeedReader.open(new java.io.ByteArrayInputStream("<p><r><s>A</s><q>1</q></r><r><s>B".getBytes()),
                "cut.xml", mapping)) {
            List<FeedRow> rows = reader.stream().toList();
            assertThat(rows).hasSize(2);
            assertThat(error(rows.get(1)).fileBroken()).isTrue();
            assertThat(reader.isBroken()).isTrue();
            assertThat(reader.productRows()).isEqualTo(1);
        }
    }

    @Test
    void wrongRecordPathIsReportedAsBroken() {
        FeedMapping mapping = mapping("""
                format: xml
                recordPath: /offer/products/product
                fields: {sku: s, stock: q}
                warehouse: main
                feedType: full
                """);

        List<FeedRow> rows = read(mapping, "<catalog><products><product/></products></catalog>");

        assertThat(rows).hasSize(1);
        assertThat(error(rows.get(0)).reason())
                .isEqualTo("no element at recordPath /offer/products/product (the root element is <catalog>)");
        assertThat(error(rows.get(0)).fileBroken()).isTrue();
    }

    @Test
    void emptyProductListIsNotBroken() {
        FeedMapping mapping = mapping("""
                format: xml
                recordPath: /offer/products/product
                fields: {sku: s, stock: q}
                warehouse: main
                feedType: full
                """);

        assertThat(read(mapping, "<offer><products/></offer>")).isEmpty();
    }

    @Test
    void externalEntitiesAreNotResolved() {
        FeedMapping mapping = mapping("""
                format: xml
                recordPath: /p/r
                fields: {sku: s, stock: q}
                warehouse: main
                feedType: full
                """);

        List<FeedRow> rows = read(mapping, "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<p><r><s>&x;</s><q>1</q></r></p>");

        assertThat(rows).noneMatch(r -> r instanceof ProductRow p && p.sku() != null && p.sku().contains("root"));
        assertThat(error(rows.get(rows.size() - 1)).fileBroken()).isTrue();
    }

    @Test
    void bomAndHarmlessDoctypeAreAccepted() {
        String fields = """
                recordPath: /p/r
                fields: {sku: s, stock: q}
                warehouse: main
                feedType: full
                """;
        String xml = "\uFEFF<?xml version=\"1.0\"?><!DOCTYPE p><p><r><s>A</s><q>1</q></r></p>";

        // decoded by the parser from the declaration, and decoded by us with the mapping's encoding
        assertThat(product(read(mapping("format: xml\n" + fields), xml).get(0)).sku()).isEqualTo("A");
        assertThat(product(read(mapping("format: xml\nencoding: UTF-8\n" + fields), xml).get(0)).sku()).isEqualTo("A");
    }
}
