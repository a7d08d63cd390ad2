package org.stockbridge.format.prestashop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.stockbridge.format.InvalidSettingsException;
import org.stockbridge.format.PricePush;
import org.stockbridge.format.RateLimit;
import org.stockbridge.format.ShopItem;
import org.stockbridge.format.ShopRequest;
import org.stockbridge.format.StockPush;

class PrestaShopRequestsTest {

    @Test
    void eachStockValueIsOnePatchOfItsStockRowWithIdAndQuantityOnly() {
        List<ShopRequest> requests = PrestaShop.FORMAT.stockRequests(PrestaShop.connection(), List.of(
                StockPush.of("MUG-1", "42:118", 5), StockPush.of("MUG-2", "43:120", 0)));

        assertThat(requests).hasSize(2);
        ShopRequest first = requests.get(0);
        assertThat(first.method()).isEqualTo("PATCH");
        assertThat(first.path()).isEqualTo("/api/stock_availables/118");
        assertThat(first.url(URI.create("https://example.com/shop"))).isEqualTo("https://example.com/shop/api/stock_availables/118");
        assertThat(first.headers()).containsEntry("Authorization", PrestaShop.BASIC).containsEntry("Accept", "application/xml");
        assertThat(first.secretHeaders()).containsExactly("Authorization");
        assertThat(first.contentType()).isEqualTo("application/xml");
        assertThat(first.bodyText()).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <prestashop xmlns:xlink="http://www.w3.org/1999/xlink">
                  <stock_available>
                    <id>118</id>
                    <quantity>5</quantity>
                  </stock_available>
                </prestashop>
                """);
        assertThat(first.items()).containsExactly(new ShopItem("MUG-1", "42:118"));
        assertThat(requests.get(1).path()).isEqualTo("/api/stock_availables/120");
        assertThat(requests.get(1).bodyText()).contains("<id>120</id>").contains("<quantity>0</quantity>");
        assertThat(first.toString()).doesNotContain(PrestaShop.KEY).doesNotContain(PrestaShop.BASIC.substring(6));
    }

    @Test
    void aPriceIsOnePatchOfTheProductWithItsTaxExcludedPrice() {
        ShopRequest request = PrestaShop.FORMAT.pricesRequests(PrestaShop.connection(), List.of(
                PricePush.of("MUG-1", "42:118", new BigDecimal("1000.00")))).get(0);

        assertThat(request.method()).isEqualTo("PATCH");
        assertThat(request.path()).isEqualTo("/api/products/42");
        assertThat(request.bodyText()).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <prestashop xmlns:xlink="http://www.w3.org/1999/xlink">
                  <product>
                    <id>42</id>
                    <price>1000.00</price>
                  </product>
                </prestashop>
                """);
    }

    @Test
    void aLinkWithoutTheStockRowIdAsksPrestaShopForItInsteadOfGuessing() {
        ShopRequest request = PrestaShop.FORMAT.stockRequests(PrestaShop.connection(), List.of(
                StockPush.of("MUG-1", "42", 5))).get(0);

        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.contentType()).isNull();
        assertThat(URLDecoder.decode(request.path(), StandardCharsets.UTF_8)).isEqualTo(
                "/api/stock_availables?filter[id_product]=[42]&filter[id_product_attribute]=[0]&display=[id,id_product,id_shop]");
    }

    @Test
    void defaultsAreThreeRequestsPerSecondAndTheKeyMustLookLikeAKey() {
        assertThat(PrestaShop.FORMAT.rateLimit(PrestaShop.connection())).isEqualTo(new RateLimit(3, Duration.ofSeconds(1)));

        InvalidSettingsException e = catchThrowableOfType(() -> PrestaShop.FORMAT.connect("presta-main",
                Map.of("baseUrl", "https://shop.example.com", "webserviceKey", "short-key!")), InvalidSettingsException.class);
        assertThat(e.problems()).containsExactly("connection 'presta-main', format 'prestashop', setting "
                + "'webserviceKey': must look like 32 letters and digits");
        assertThat(e.getMessage()).doesNotContain("short-key!");
    }
}
