package org.stockbridge.format.generic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.stockbridge.feed.MappingException;
import org.stockbridge.format.ShopOperation;

/** Loading generic shop mappings: the shipped examples load, and every mistake names the file and the key. */
class GenericMappingLoaderTest {

    private static final String SOURCE = "mappings/my-shop.yaml";

    @Test
    void theJsonExampleLoadsWithBatchedStockAndPerItemPrices() {
        GenericMapping mapping = GenericMappingLoader.load(Path.of("mappings/shop-generic-json.yaml"));

        assertThat(mapping.layout()).isEqualTo(GenericMapping.Layout.JSON);
        JsonCall stock = mapping.call(ShopOperation.STOCK);
        assertThat(stock.method()).isEqualTo("POST");
        assertThat(stock.perItem()).isFalse();
        assertThat(stock.batchSize()).isEqualTo(100);
        assertThat(stock.wrapper()).isEqualTo("items");
        assertThat(stock.fields()).containsExactly(
                java.util.Map.entry(ItemValue.SKU, "sku"), java.util.Map.entry(ItemValue.EXTERNAL_ID, "productId"),
                java.util.Map.entry(ItemValue.QUANTITY, "quantity"));
        assertThat(stock.constants()).containsOnlyKeys("warehouse");
        JsonCall prices = mapping.call(ShopOperation.PRICES);
        assertThat(prices.method()).isEqualTo("PUT");
        assertThat(prices.perItem()).isTrue();
        assertThat(prices.batchSize()).isEqualTo(1);
        assertThat(prices.priceAsText()).isTrue();
        assertThat(mapping.referencedSettings()).containsExactly("apiKey");
        assertThat(mapping.answer()).isEqualTo(new AnswerRule("/errors", "sku", ItemValue.SKU, "message"));
    }

    @Test
    void theCsvExampleLoadsWithItsColumnsInOrder() {
        GenericMapping mapping = GenericMappingLoader.load(Path.of("mappings/shop-generic-csv.yaml"));

        assertThat(mapping.writesFiles()).isTrue();
        FileLayout file = mapping.file();
        assertThat(file.fileName()).isEqualTo("{operation}-{timestamp}.csv");
        assertThat(file.encoding()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(file.separator()).isEqualTo(';');
        assertThat(file.header()).isTrue();
        assertThat(file.crlf()).isTrue();
        assertThat(file.names().values()).containsExactly("SKU", "Stock", "Price");
    }

    @Test
    void theXmlExampleLoadsWithItsElementsInOrder() {
        GenericMapping mapping = GenericMappingLoader.load(Path.of("mappings/shop-generic-xml.yaml"));

        assertThat(mapping.layout()).isEqualTo(GenericMapping.Layout.XML);
        assertThat(mapping.file().root()).isEqualTo("products");
        assertThat(mapping.file().item()).isEqualTo("product");
        assertThat(mapping.file().names().values()).containsExactly("id", "code", "stock", "price");
    }

    @Test
    void anUnknownKeyNamesFileKeyAndTheKnownKeys() {
        assertError("format: json\nstock:\n  path: /s\n  feilds: {sku: sku, quantity: q}\n",
                "mappings/my-shop.yaml: stock.feilds: unknown key (expected one of method, path, batchSize, wrapper, "
                        + "fields, constants, priceAs)");
    }

    @Test
    void aMissingFormatIsNamed() {
        assertError("stock:\n  path: /s\n", "mappings/my-shop.yaml: format: required (one of json, csv, xml)");
    }

    @Test
    void aJsonMappingNeedsStockOrPrices() {
        assertError("format: json\nheaders: {Accept: x}\n",
                "mappings/my-shop.yaml: stock: map stock, prices or both: how the shop takes each");
    }

    @Test
    void stockNeedsTheQuantityField() {
        assertError("format: json\nstock:\n  path: /s\n  fields: {sku: sku}\n",
                "mappings/my-shop.yaml: stock.fields.quantity: required: the JSON field that carries the quantity");
    }

    @Test
    void aPriceFieldInStockIsRefused() {
        assertError("format: json\nstock:\n  path: /s\n  fields: {sku: sku, quantity: q, price: p}\n",
                "mappings/my-shop.yaml: stock.fields.price: unknown key (expected one of sku, externalId, quantity)");
    }

    @Test
    void anItemMustBeIdentified() {
        assertError("format: json\nprices:\n  path: /p\n  fields: {price: p}\n",
                "mappings/my-shop.yaml: prices.fields.sku: map sku or externalId (or name the item in the path): "
                        + "the shop must know which product each value is for");
    }

    @Test
    void onlyTheTwoPlaceholdersAreKnown() {
        assertError("format: json\nprices:\n  path: /p/{id}\n  fields: {price: p}\n",
                "mappings/my-shop.yaml: prices.path: '/p/{id}': the only placeholders are {sku} and {externalId}");
    }

    @Test
    void aPerItemPathTakesNoBatchSize() {
        assertError("format: json\nprices:\n  path: /p/{sku}\n  batchSize: 50\n  fields: {price: p}\n",
                "mappings/my-shop.yaml: prices.batchSize: the path names one item ({sku} or {externalId}), so every "
                        + "request carries one");
    }

    @Test
    void batchSizeIsBounded() {
        assertError("format: json\nstock:\n  path: /s\n  batchSize: 0\n  fields: {sku: s, quantity: q}\n",
                "mappings/my-shop.yaml: stock.batchSize: expected a whole number from 1 to 10000, found 0");
    }

    @Test
    void aHeaderMayNameOnlyTheCredentialSettings() {
        assertError("format: json\nstock:\n  path: /s\n  fields: {sku: s, quantity: q}\nheaders:\n  X-Key: \"${secretKey}\"\n",
                "mappings/my-shop.yaml: headers.X-Key: ${secretKey} is not a setting a header can use; these are: "
                        + "apiKey, apiSecret, password, token, username");
    }

    @Test
    void basicAuthAndAnAuthorizationHeaderExcludeEachOther() {
        assertError("format: json\nbasicAuth: true\nstock:\n  path: /s\n  fields: {sku: s, quantity: q}\n"
                        + "headers:\n  authorization: \"Bearer ${token}\"\n",
                "mappings/my-shop.yaml: basicAuth: headers already set Authorization; use one or the other");
    }

    @Test
    void theAnswersErrorListMustBeAJsonPointer() {
        assertError("format: json\nstock:\n  path: /s\n  fields: {sku: s, quantity: q}\nanswer:\n  errors: errors\n  itemField: sku\n",
                "mappings/my-shop.yaml: answer.errors: 'errors' is not a JSON Pointer such as /errors or /data/failed");
    }

    @Test
    void aFileNameNeedsATimestamp() {
        assertError("format: csv\nfileName: stock.csv\ncolumns: {sku: SKU, quantity: Qty}\n",
                "mappings/my-shop.yaml: fileName: 'stock.csv' must be a plain file name with {timestamp} (and may "
                        + "have {operation}), such as stock-{timestamp}.csv: every drain writes a new file");
    }

    @Test
    void csvKeysAreRefusedInAJsonMappingAndJsonKeysInACsvOne() {
        assertError("format: csv\nseparator: ','\nstock:\n  path: /s\ncolumns: {sku: SKU, quantity: Qty}\n",
                "mappings/my-shop.yaml: stock: unknown key (expected one of format, fileName, encoding, separator, "
                        + "header, lineEnding, decimalComma, columns)");
    }

    @Test
    void anUnknownEncodingIsNamed() {
        assertError("format: csv\nencoding: win-1250\ncolumns: {sku: SKU, quantity: Qty}\n",
                "mappings/my-shop.yaml: encoding: unknown encoding 'win-1250' (for example UTF-8, windows-1250, ISO-8859-2)");
    }

    @Test
    void aFileNeedsAValueColumn() {
        assertError("format: csv\ncolumns: {sku: SKU}\n",
                "mappings/my-shop.yaml: columns.quantity: map quantity, price or both");
    }

    @Test
    void xmlElementNamesAreChecked() {
        assertError("format: xml\nroot: stock\nitem: product\nelements: {sku: code, quantity: \"on hand\"}\n",
                "mappings/my-shop.yaml: elements.quantity: 'on hand' is not an XML element name (letters, digits, . _ -)");
    }

    @Test
    void aNameUsedTwiceIsRefused() {
        assertError("format: csv\ncolumns: {sku: SKU, quantity: SKU}\n",
                "mappings/my-shop.yaml: columns.quantity: 'SKU' is already used for another value");
    }

    @Test
    void brokenYamlNamesTheLine() {
        assertThatThrownBy(() -> GenericMappingLoader.parse("format: json\nstock: [\n", SOURCE))
                .isInstanceOf(MappingException.class)
                .hasMessageStartingWith("mappings/my-shop.yaml: not valid YAML at line");
    }

    private static void assertError(String yaml, String message) {
        assertThatThrownBy(() -> GenericMappingLoader.parse(yaml, SOURCE))
                .isInstanceOf(MappingException.class)
                .hasMessage(message);
    }
}
