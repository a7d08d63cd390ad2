package org.stockbridge.format.generic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stockbridge.config.StockbridgeProperties;
import org.stockbridge.format.FormatRegistry;
import org.stockbridge.push.OutboundShops;

/** Generic connections at start-up, through the hub's own path ({@link OutboundShops}). */
class GenericConnectionsTest {

    @TempDir
    Path mappings;

    @Test
    void aConnectionIsInferiorOnlyForWhatItsMappingCanSend() throws IOException {
        Files.writeString(mappings.resolve("stock-only.yaml"),
                "format: json\nstock:\n  path: /stock\n  fields: {sku: sku, quantity: qty}\n");
        Files.writeString(mappings.resolve("prices-file.yaml"), "format: csv\ncolumns: {sku: SKU, price: Price}\n");

        OutboundShops fine = shops(Map.of("gen-a", shop("inferior", "none", Map.of("mapping", "stock-only.yaml",
                "baseUrl", "https://a.example.com"))));
        assertThat(fine.find("gen-a")).isPresent();

        assertThatThrownBy(() -> shops(Map.of(
                "gen-b", shop("inferior", "inferior", Map.of("mapping", "stock-only.yaml", "baseUrl", "https://b.example.com")),
                "gen-c", shop("inferior", "inferior", Map.of("mapping", "prices-file.yaml", "target", "file:out",
                        "password", "pw-secret-9")))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("connection 'gen-b', format 'generic', setting 'mapping': mapping "
                        + mappings.resolve("stock-only.yaml") + " has no prices section, but the connection is inferior for prices")
                .hasMessageContaining("connection 'gen-c', format 'generic', setting 'mapping': mapping "
                        + mappings.resolve("prices-file.yaml") + " writes no quantity, but the connection is inferior for stock")
                .hasMessageNotContaining("pw-secret-9");
    }

    private OutboundShops shops(Map<String, StockbridgeProperties.Connection> connections) {
        FormatRegistry formats = new FormatRegistry(List.of(new GenericFormat(new GenericMappings(mappings), Clock.systemUTC())));
        return new OutboundShops(new StockbridgeProperties(null, null, null, null, null, null, null, connections), formats);
    }

    private static StockbridgeProperties.Connection shop(String stock, String prices, Map<String, String> settings) {
        return new StockbridgeProperties.Connection("shop", null, stock, prices, null, null, "main", "retail-pln",
                null, null, null, null, null, "generic", settings, null, null, null, null);
    }
}
