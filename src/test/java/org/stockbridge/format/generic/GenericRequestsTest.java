package org.stockbridge.format.generic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stockbridge.format.FileDelivery;
import org.stockbridge.format.FileTarget;
import org.stockbridge.format.InvalidSettingsException;
import org.stockbridge.format.ItemOutcome;
import org.stockbridge.format.ItemResult;
import org.stockbridge.format.ItemResults;
import org.stockbridge.format.PricePush;
import org.stockbridge.format.RateLimit;
import org.stockbridge.format.ShopConnection;
import org.stockbridge.format.ShopRequest;
import org.stockbridge.format.StockPush;

/** Requests and answers of the generic format, built from the shipped example mappings and small ones of the test's own. */
class GenericRequestsTest {

    static final String API_KEY = "gk_live_7f3a9c21e8";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T11:05:12.042Z"), ZoneOffset.UTC);

    private final GenericFormat format = new GenericFormat(new GenericMappings(Path.of("mappings")), CLOCK);

    private ShopConnection json() {
        return format.connect("gen-json", Map.of("mapping", "shop-generic-json.yaml",
                "baseUrl", "https://shop.example.com/", "apiKey", API_KEY));
    }

    @Test
    void stockGoesInBatchesOfTheMappingsSizeWithFieldsInMappingOrderConstantsAndTheHeader() {
        List<StockPush> pushes = IntStream.rangeClosed(1, 250).mapToObj(i -> StockPush.of("SKU-" + i, "" + (500 + i), i)).toList();

        List<ShopRequest> requests = format.stockRequests(json(), pushes);

        assertThat(requests).extracting(r -> r.items().size()).containsExactly(100, 100, 50);
        ShopRequest first = requests.get(0);
        assertThat(first.method()).isEqualTo("POST");
        assertThat(first.url(format.baseUrl(json()))).isEqualTo("https://shop.example.com/api/v1/stock/batch");
        assertThat(first.contentType()).isEqualTo("application/json");
        assertThat(first.headers()).containsEntry("X-Api-Key", API_KEY).containsEntry("Accept", "application/json");
        assertThat(first.secretHeaders()).containsExactly("X-Api-Key");
        assertThat(first.toString()).doesNotContain(API_KEY);
        assertThat(first.bodyText()).startsWith("{\"items\":[{\"sku\":\"SKU-1\",\"productId\":\"501\",\"quantity\":1,"
                + "\"warehouse\":\"main\"},{\"sku\":\"SKU-2\",");
        assertThat(requests.get(2).items().get(49).sku()).isEqualTo("SKU-250");
    }

    @Test
    void aPathNamingTheItemSendsOneRequestPerItemWithItsIdEncodedAndPriceAsText() {
        List<ShopRequest> requests = format.pricesRequests(json(), List.of(
                PricePush.of("A-1", "501", new BigDecimal("12.50")), PricePush.of("B 2", "id/7 x", new BigDecimal("1000.00"))));

        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).method()).isEqualTo("PUT");
        assertThat(requests.get(0).path()).isEqualTo("/api/v1/products/501/price");
        assertThat(requests.get(0).bodyText()).isEqualTo("{\"sku\":\"A-1\",\"grossPrice\":\"12.50\"}");
        assertThat(requests.get(1).path()).isEqualTo("/api/v1/products/id%2F7%20x/price");
        assertThat(requests.get(1).bodyText()).isEqualTo("{\"sku\":\"B 2\",\"grossPrice\":\"1000.00\"}");
    }

    @Test
    void aBareArrayAndNumericPrices(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bare.yaml"), "format: json\nprices:\n  path: /prices\n  batchSize: 2\n"
                + "  fields: {externalId: id, price: amount}\n");
        GenericFormat bare = new GenericFormat(new GenericMappings(dir), CLOCK);
        ShopConnection connection = bare.connect("gen-bare", Map.of("mapping", "bare.yaml", "baseUrl", "http://localhost:1"));

        List<ShopRequest> requests = bare.pricesRequests(connection, List.of(PricePush.of("A", "1", new BigDecimal("9.90")),
                PricePush.of("B", "2", new BigDecimal("1000.00")), PricePush.of("C", "3", new BigDecimal("0.10"))));

        assertThat(requests).extracting(ShopRequest::bodyText).containsExactly(
                "[{\"id\":\"1\",\"amount\":9.90},{\"id\":\"2\",\"amount\":1000.00}]", "[{\"id\":\"3\",\"amount\":0.10}]");
        assertThat(requests.get(0).headers()).doesNotContainKey("X-Api-Key");
        assertThat(bare.rateLimit(connection)).isEqualTo(RateLimit.perMinute(60));
    }

    @Test
    void basicAuthIsBuiltFromUsernameAndPasswordAndMasked(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("basic.yaml"), "format: json\nbasicAuth: true\nstock:\n  path: /stock\n"
                + "  fields: {sku: sku, quantity: qty}\nanswer: {errors: /failed, itemField: id, itemKey: externalId}\n");
        GenericFormat basic = new GenericFormat(new GenericMappings(dir), CLOCK);
        assertThatThrownBy(() -> basic.connect("gen-basic", Map.of("mapping", "basic.yaml", "baseUrl", "https://b.example.com",
                "username", "hub")))
                .hasMessage("connection 'gen-basic', format 'generic', setting 'password': is required: the headers of "
                        + "mapping " + dir.resolve("basic.yaml") + " use ${password}");
        ShopConnection connection = basic.connect("gen-basic", Map.of("mapping", "basic.yaml",
                "baseUrl", "https://b.example.com", "username", "hub", "password", "pa:ss wörd"));

        ShopRequest request = basic.stockRequests(connection, List.of(StockPush.of("A", "11", 1), StockPush.of("B", "12", 2))).get(0);

        assertThat(request.headers()).containsEntry("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("hub:pa:ss wörd".getBytes(StandardCharsets.UTF_8)));
        assertThat(request.secretHeaders()).containsExactly("Authorization");
        ItemResults results = basic.readResponse(request, 200, Map.of(), "{\"failed\":[{\"id\":\"12\",\"code\":7}]}");
        assertThat(results.ok()).extracting(r -> r.item().sku()).containsExactly("A");
        assertThat(results.failed()).extracting(ItemResult::reason).containsExactly("shop error: {\"id\":\"12\",\"code\":7}");
    }

    @Test
    void aPerItemErrorListFailsOnlyTheNamedItems() {
        ShopRequest request = format.stockRequests(json(), List.of(StockPush.of("A", "1", 1), StockPush.of("B", "2", 2),
                StockPush.of("C", "3", 3))).get(0);

        ItemResults results = format.readResponse(request, 200, Map.of(),
                "{\"errors\":[{\"sku\":\"B\",\"message\":\"unknown product\"}]}");

        assertThat(results.results()).extracting(r -> r.item().sku(), ItemResult::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("A", ItemOutcome.OK),
                org.assertj.core.groups.Tuple.tuple("B", ItemOutcome.FAILED),
                org.assertj.core.groups.Tuple.tuple("C", ItemOutcome.OK));
        assertThat(results.failed().get(0).reason()).isEqualTo("shop error: unknown product");
    }

    @Test
    void anErrorNamingNoItemOfTheRequestFailsItAll() {
        ShopRequest request = format.stockRequests(json(), List.of(StockPush.of("A", "1", 1))).get(0);

        ItemResults results = format.readResponse(request, 200, Map.of(), "{\"errors\":[{\"message\":\"quota exceeded\"}]}");

        assertThat(results.failed()).hasSize(1);
        assertThat(results.failed().get(0).reason()).contains("quota exceeded").contains("names no item");
    }

    @Test
    void statusDecidesForTheWholeRequestAndAnEmptyOrErrorFreeAnswerIsOk() {
        ShopRequest request = format.stockRequests(json(), List.of(StockPush.of("A", "1", 1), StockPush.of("B", "2", 2))).get(0);

        ItemResults busy = format.readResponse(request, 503, Map.of("Retry-After", List.of("30")), "busy");
        assertThat(busy.retryable()).hasSize(2);
        assertThat(busy.retryAfter()).contains(java.time.Duration.ofSeconds(30));
        assertThat(format.readResponse(request, 401, Map.of(), "{\"message\":\"bad key\"}").failed()).hasSize(2);
        assertThat(format.readResponse(request, 204, Map.of(), "").allOk()).isTrue();
        assertThat(format.readResponse(request, 200, Map.of(), "{\"errors\":[]}").allOk()).isTrue();
        assertThat(format.readResponse(request, 200, Map.of(), "<html>").retryable()).hasSize(2);
    }

    @Test
    void aCsvMappingWritesOneFilePerOperationWithOnlyThatOperationsColumns() {
        ShopConnection csv = format.connect("gen-csv", Map.of("mapping", "shop-generic-csv.yaml", "target", "file:target/out"));

        ShopRequest stock = format.stockRequests(csv, List.of(StockPush.of("AC-1001", "501", 7),
                StockPush.of("AC;2", "502", 0))).get(0);
        ShopRequest prices = format.pricesRequests(csv, List.of(PricePush.of("AC-1001", "501", new BigDecimal("12.99")))).get(0);

        assertThat(stock.method()).isEqualTo(FileDelivery.WRITE);
        assertThat(FileDelivery.fileName(stock)).isEqualTo("stock-20261123-110512-042.csv");
        assertThat(stock.bodyText()).isEqualTo("SKU;Stock\r\nAC-1001;7\r\n\"AC;2\";0\r\n");
        assertThat(stock.items()).hasSize(2);
        assertThat(FileDelivery.fileName(prices)).isEqualTo("prices-20261123-110512-042.csv");
        assertThat(prices.bodyText()).isEqualTo("SKU;Price\r\nAC-1001;12.99\r\n");
        assertThat(format.fileTarget(csv)).contains(new FileTarget("file:target/out", null));
        assertThat(format.baseUrl(csv).toString()).isEqualTo("file:target/out");
    }

    @Test
    void anXmlMappingInItsEncodingWithDecimalComma(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("xml.yaml"), "format: xml\nencoding: ISO-8859-2\ndecimalComma: true\n"
                + "root: prices\nitem: product\nelements: {sku: code, price: gross}\n");
        GenericFormat xml = new GenericFormat(new GenericMappings(dir), CLOCK);
        ShopConnection connection = xml.connect("gen-xml", Map.of("mapping", "xml.yaml",
                "target", "sftp://shop@sftp.example.com/in?strictHostKeyChecking=no", "password", "s3cret"));

        ShopRequest request = xml.pricesRequests(connection, List.of(PricePush.of("Żółw<1>", "1", new BigDecimal("12.50")))).get(0);

        assertThat(FileDelivery.fileName(request)).isEqualTo("prices-20261123-110512-042.xml");
        assertThat(request.contentType()).isEqualTo("application/xml; charset=ISO-8859-2");
        assertThat(new String(request.body(), "ISO-8859-2")).isEqualTo("<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?>\n"
                + "<prices>\n  <product><code>Żółw&lt;1&gt;</code><gross>12,50</gross></product>\n</prices>\n");
        assertThat(xml.fileTarget(connection).orElseThrow().password()).isEqualTo("s3cret");
        assertThat(xml.fileTarget(connection).orElseThrow().toString()).doesNotContain("s3cret");
        assertThat(xml.baseUrl(connection).toString()).isEqualTo("sftp://shop@sftp.example.com/in");
    }

    @Test
    void connectingChecksTheMappingAndWhatItNeeds() {
        assertThatThrownBy(() -> format.connect("gen-x", Map.of("mapping", "shop-generic-json.yaml", "target", "file:x")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("connection 'gen-x', format 'generic', setting 'baseUrl': is required: mapping "
                        + Path.of("mappings/shop-generic-json.yaml") + " is json\n"
                        + "connection 'gen-x', format 'generic', setting 'target': is not used: mapping "
                        + Path.of("mappings/shop-generic-json.yaml") + " is json\n"
                        + "connection 'gen-x', format 'generic', setting 'apiKey': is required: the headers of mapping "
                        + Path.of("mappings/shop-generic-json.yaml") + " use ${apiKey}");
        assertThatThrownBy(() -> format.connect("gen-y", Map.of("mapping", "missing.yaml", "baseUrl", "https://x.example.com")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("connection 'gen-y', format 'generic', setting 'mapping': "
                        + Path.of("mappings/missing.yaml") + ": cannot read the mapping file");
        assertThatThrownBy(() -> format.connect("gen-z", Map.of("mapping", "shop-generic-csv.yaml",
                "target", "ftp://u@h/x?password=oops")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("setting 'target': must look like")
                .hasMessageNotContaining("oops");
        assertThatThrownBy(() -> format.connect("gen-z", Map.of("mapping", "shop-generic-csv.yaml",
                "target", "sftp://u:oops@h/x")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("setting 'target': must look like")
                .hasMessageNotContaining("oops");
    }
}
