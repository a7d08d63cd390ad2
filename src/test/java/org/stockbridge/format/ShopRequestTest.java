package org.stockbridge.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ShopRequestTest {

    private final ShopConnection connection = new TestFormat().connect("woo-main",
            Map.of("baseUrl", "https://example.com/shop", "apiKey", "k-123-secret"));

    private ShopRequest request() {
        return ShopRequest.builder(connection, ShopOperation.STOCK)
                .post("/wp-json/wc/v3/products/batch")
                .secretHeader("Authorization", "Basic azEyMzpzM2NyM3Q=")
                .header("Accept", "application/json")
                .body("{\"update\":[]}".getBytes(StandardCharsets.UTF_8), "application/json")
                .items(List.of(new ShopItem("MUG-1", "101")))
                .build();
    }

    @Test
    void toStringMasksCredentialsAndLeavesTheBodyOut() {
        ShopRequest request = request();

        assertThat(request.toString()).isEqualTo("ShopRequest[" + request.id()
                + ", connection=woo-main, STOCK, POST /wp-json/wc/v3/products/batch, 1 item, "
                + "headers={Authorization=****, Accept=application/json}, body 13 bytes application/json]");
        assertThat(request.headers()).containsEntry("Authorization", "Basic azEyMzpzM2NyM3Q=");
    }

    @Test
    void urlKeepsAFolderInTheBaseUrl() {
        assertThat(request().url(URI.create("https://example.com/shop")))
                .isEqualTo("https://example.com/shop/wp-json/wc/v3/products/batch");
        assertThat(request().url(URI.create("https://example.com/shop/")))
                .isEqualTo("https://example.com/shop/wp-json/wc/v3/products/batch");
    }

    @Test
    void anEmptyPathIsTheBaseUrlItself() {
        ShopRequest call = ShopRequest.builder(connection, ShopOperation.PRICES).post("").build();

        assertThat(call.url(URI.create("https://api.baselinker.com/connector.php")))
                .isEqualTo("https://api.baselinker.com/connector.php");
        assertThat(call.body()).isEmpty();
        assertThat(call.contentType()).isNull();
    }

    @Test
    void everyRequestHasItsOwnId() {
        assertThat(request().id()).isNotEqualTo(request().id()).hasSize(36);
    }

    @Test
    void bodyCannotBeChangedFromOutside() {
        ShopRequest request = request();
        request.body()[0] = 'X';

        assertThat(request.bodyText()).isEqualTo("{\"update\":[]}");
    }

    @Test
    void aPatchCarriesItsMethodPathAndBody() {
        ShopRequest patch = ShopRequest.builder(connection, ShopOperation.PRICES).patch("/api/products/42")
                .body("<prestashop/>".getBytes(StandardCharsets.UTF_8), "application/xml").build();

        assertThat(patch.method()).isEqualTo("PATCH");
        assertThat(patch.path()).isEqualTo("/api/products/42");
        assertThat(patch.bodyText()).isEqualTo("<prestashop/>");
    }
}
