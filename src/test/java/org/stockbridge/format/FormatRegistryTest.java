package org.stockbridge.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.stockbridge.format.baselinker.BaseLinkerFormat;
import org.stockbridge.format.magento.MagentoFormat;
import org.stockbridge.format.prestashop.PrestaShopFormat;
import org.stockbridge.format.shopify.ShopifyFormat;
import org.stockbridge.format.woocommerce.WooCommerceFormat;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/** Spring collects every format bean; only this package is scanned, so the test needs no database or Camel. */
@SpringJUnitConfig(FormatRegistryTest.Formats.class)
class FormatRegistryTest {

    @Configuration
    @ComponentScan("org.stockbridge.format")
    static class Formats {
    }

    @Autowired
    private FormatRegistry registry;

    @Test
    void collectsEveryFormatBeanByName() {
        assertThat(registry.formats()).extracting(ShopFormat::name)
                .containsExactly("baselinker", "generic", "magento", "prestashop", "shopify", "woocommerce");
        assertThat(registry.find("woocommerce")).containsInstanceOf(WooCommerceFormat.class);
        assertThat(registry.find("baselinker")).containsInstanceOf(BaseLinkerFormat.class);
        assertThat(registry.find("magento")).containsInstanceOf(MagentoFormat.class);
        assertThat(registry.find("prestashop")).containsInstanceOf(PrestaShopFormat.class);
        assertThat(registry.find("shopify")).containsInstanceOf(ShopifyFormat.class);
        assertThat(registry.find("shopfiy")).isEmpty();
    }

    @Test
    void connectValidatesWithTheFormatsSettings() {
        ShopConnection connection = registry.connect("bl-main", "baselinker",
                Map.of("token", "1-23-ABC", "inventoryId", "307", "warehouseId", "bl_206"));

        assertThat(connection.format()).isEqualTo("baselinker");
        assertThat(connection.integer("requestsPerMinute")).isEqualTo(100L);
    }

    @Test
    void settingErrorNamesConnectionFormatAndSetting() {
        assertThatThrownBy(() -> registry.connect("bl-main", "baselinker",
                Map.of("token", "1-23-ABC", "inventoryId", "307", "warehouseId", "206")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("connection 'bl-main', format 'baselinker', setting 'warehouseId': must look like bl_206, was '206'");
    }

    @Test
    void unknownFormatNamesTheKnownOnes() {
        assertThatThrownBy(() -> registry.connect("shop-x", "shopfiy", Map.of()))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("connection 'shop-x': format 'shopfiy' is unknown; known formats: baselinker, generic, magento, prestashop, shopify, woocommerce");
    }

    @Test
    void twoFormatsWithOneNameAreRefused() {
        assertThatThrownBy(() -> new FormatRegistry(List.of(new TestFormat(), new TestFormat())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("two shop formats are named 'test'");
    }
}
