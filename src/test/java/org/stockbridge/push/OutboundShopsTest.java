package org.stockbridge.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.stockbridge.config.StockbridgeProperties;
import org.stockbridge.format.FormatRegistry;
import org.stockbridge.format.woocommerce.WooCommerceFormat;
import org.stockbridge.rules.PriceRounding;
import org.stockbridge.rules.ShopPricePolicy;

class OutboundShopsTest {

    private final FormatRegistry formats = new FormatRegistry(List.of(new WooCommerceFormat()));

    @Test
    void aShopWithAFormatIsConnectedWhateverTheCaseOfItsSettingNames() {
        OutboundShops shops = shops(Map.of("woo", shop("woocommerce", Map.of("base-url", "https://shop.example.com",
                "consumerkey", "ck_1", "CONSUMER_SECRET", "cs_1")), "plain", shop(null, null)));

        OutboundShop woo = shops.find("woo").orElseThrow();
        assertThat(woo.baseUrl()).hasToString("https://shop.example.com");
        assertThat(woo.connection().text("consumerKey")).isEqualTo("ck_1");
        assertThat(woo.warehouse()).isEqualTo("main");
        assertThat(shops.find("plain")).as("no format: nothing to push with").isEmpty();
    }

    @Test
    void badSettingsStopStartUpNamingTheConnectionAndTheSettingButNoSecret() {
        assertThatThrownBy(() -> shops(Map.of("woo-main", shop("woocommerce", Map.of("baseUrl", "ftp://x",
                "consumerKey", "ck_secret_1", "consumerSecert", "cs_secret_2")))))
                .hasMessageContaining("connection 'woo-main', format 'woocommerce', setting 'baseUrl'")
                .hasMessageContaining("setting 'consumerSecret': is required")
                .hasMessageContaining("setting 'consumerSecert': is not a setting of this format")
                .hasMessageNotContaining("ck_secret_1");
        assertThatThrownBy(() -> shops(Map.of("woo-main", shop("shopify", Map.of()))))
                .hasMessageContaining("connection 'woo-main': format 'shopify' is unknown; known formats: woocommerce");
    }

    @Test
    void aPriceMultiplierAndRoundingBecomeTheShopsPricePolicyAndBadOnesStopStartUp() {
        OutboundShops shops = shops(Map.of("woo", priced("1.23", ".99")));
        assertThat(shops.find("woo").orElseThrow().pricePolicy())
                .isEqualTo(new ShopPricePolicy(new BigDecimal("1.23"), PriceRounding.ENDING_99));
        assertThat(shops(Map.of("woo", priced(null, null))).find("woo").orElseThrow().pricePolicy())
                .isEqualTo(ShopPricePolicy.UNCHANGED);

        assertThatThrownBy(() -> shops(Map.of("woo-main", priced("1,23", null))))
                .hasMessageContaining("connection 'woo-main': price-multiplier '1,23' is not a decimal number");
        assertThatThrownBy(() -> shops(Map.of("woo-main", priced("0", null))))
                .hasMessageContaining("connection 'woo-main': price multiplier must be positive, was 0");
        assertThat(shops(Map.of("woo", priced("1.1", "0.05"))).find("woo").orElseThrow().pricePolicy().rounding())
                .isEqualTo(PriceRounding.STEP_05);
        assertThatThrownBy(() -> shops(Map.of("woo-main", priced("1.1", "0.10"))))
                .hasMessageContaining("connection 'woo-main': price-rounding '0.10' is not one of none, cents, .99, 0.05, whole");
    }

    private static StockbridgeProperties.Connection priced(String multiplier, String rounding) {
        return new StockbridgeProperties.Connection("shop", null, "inferior", "inferior", null, null, "main", "retail-pln",
                null, null, null, null, null, "woocommerce", Map.of("baseUrl", "https://shop.example.com",
                        "consumerKey", "ck_1", "consumerSecret", "cs_1"), null, multiplier, rounding, null);
    }

    private OutboundShops shops(Map<String, StockbridgeProperties.Connection> connections) {
        return new OutboundShops(new StockbridgeProperties(null, null, null, null, null, null, null, connections), formats);
    }

    private static StockbridgeProperties.Connection shop(String format, Map<String, String> settings) {
        return new StockbridgeProperties.Connection("shop", null, "inferior", "inferior", null, null, "main", "retail-pln",
                null, null, null, null, null, format, settings, null, null, null, null);
    }
}
