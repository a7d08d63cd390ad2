package org.stockbridge.format.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.stockbridge.format.InvalidSettingsException;
import org.stockbridge.format.RateLimit;
import org.stockbridge.format.ShopConnection;

class ShopifySettingsTest {

    @Test
    void defaultsAreTheCurrentStableVersionTheApiMaximumBatchAndTwoRequestsASecond() {
        ShopConnection connection = Shopify.connection();

        assertThat(connection.text("apiVersion")).isEqualTo("2026-10");
        assertThat(connection.integer("batchSize")).isEqualTo(250);
        assertThat(Shopify.FORMAT.rateLimit(connection)).isEqualTo(new RateLimit(2, Duration.ofSeconds(1)));
        assertThat(ShopifySettings.graphqlPath(connection)).isEqualTo("/admin/api/2026-10/graphql.json");
        assertThat(ShopifySettings.locationGid(connection)).isEqualTo(Shopify.LOCATION);
        assertThat(connection.toString()).contains("accessToken=****").doesNotContain(Shopify.TOKEN);
    }

    @Test
    void aLocationGivenAsAGlobalIdIsTakenAsIs() {
        ShopConnection connection = Shopify.connection(Map.of("locationId", Shopify.LOCATION));

        assertThat(ShopifySettings.locationGid(connection)).isEqualTo(Shopify.LOCATION);
    }

    @Test
    void versionsBeforeMandatoryChangeFromQuantityAndIdempotencyAreRefused() {
        assertThatThrownBy(() -> Shopify.connection(Map.of("apiVersion", "2025-01")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("connection 'shopify-main', format 'shopify', setting 'apiVersion'")
                .hasMessageContaining("2026-04 or later");
        assertThat(Shopify.connection(Map.of("apiVersion", "2026-04")).text("apiVersion")).isEqualTo("2026-04");
        assertThatThrownBy(() -> Shopify.connection(Map.of("apiVersion", "2026-05")))
                .isInstanceOf(InvalidSettingsException.class);
    }

    @Test
    void missingTokenAndLocationAndAnOversizedBatchAreNamedWithoutEchoingTheToken() {
        assertThatThrownBy(() -> Shopify.FORMAT.connect("shopify-main",
                Map.of("baseUrl", "https://x.myshopify.com", "batchSize", "251")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("setting 'accessToken': is required")
                .hasMessageContaining("setting 'locationId': is required")
                .hasMessageContaining("setting 'batchSize': must be between 1 and 250");
        assertThatThrownBy(() -> Shopify.connection(Map.of("locationId", "main")))
                .hasMessageContaining("setting 'locationId'").hasMessageNotContaining(Shopify.TOKEN);
    }
}
