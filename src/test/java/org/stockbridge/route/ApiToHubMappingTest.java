package org.stockbridge.route;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stockbridge.config.StockbridgeProperties;
import org.stockbridge.feed.intake.FeedMappings;

/**
 * A pull applies each page of changed products as one feed, so its mapping must be a delta feed: as a full feed,
 * every page would zero each linked product missing from it.
 */
class ApiToHubMappingTest {

    @TempDir
    Path mappingsDir;

    @Test
    void aPullRefusesAFullFeedMapping() throws IOException {
        String delta = Files.readString(Path.of("mappings/woocommerce-products.yaml"));
        Files.writeString(mappingsDir.resolve("woo-delta.yaml"), delta);
        Files.writeString(mappingsDir.resolve("woo-full.yaml"), delta.replace("feedType: delta", "feedType: full"));
        ApiToHubRoutes routes = new ApiToHubRoutes(new FeedMappings(new StockbridgeProperties(null, null, null,
                mappingsDir, null, null, null, null)), null, null, Clock.systemUTC());

        assertThatCode(() -> routes.validate(Map.of("mapping", "woo-delta.yaml"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> routes.validate(Map.of("mapping", "woo-full.yaml")))
                .hasMessageContaining("parameter 'mapping'").hasMessageContaining("must have feedType delta, not full");
    }
}
