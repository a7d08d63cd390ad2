package org.stockbridge.format.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.stockbridge.format.InvalidSettingsException;
import org.stockbridge.format.RateLimit;

class WooCommerceSettingsTest {

    @Test
    void defaultsAreAHundredPerBatchAndTwoRequestsPerSecond() {
        assertThat(Woo.connection().integer("batchSize")).isEqualTo(100L);
        assertThat(Woo.FORMAT.rateLimit(Woo.connection())).isEqualTo(new RateLimit(2, Duration.ofSeconds(1)));
        assertThat(Woo.FORMAT.baseUrl(Woo.connection())).isEqualTo(URI.create("https://shop.example.com"));
    }

    @Test
    void missingCredentialsAndABatchAboveTheApisLimitAreNamed() {
        InvalidSettingsException e = catchThrowableOfType(() -> Woo.FORMAT.connect("woo-main",
                Map.of("baseUrl", "https://shop.example.com", "consumerKey", Woo.KEY, "batchSize", "250")),
                InvalidSettingsException.class);

        assertThat(e.problems()).containsExactly(
                "connection 'woo-main', format 'woocommerce', setting 'consumerSecret': is required (The consumer "
                        + "secret (cs_…) of that key. Sent with HTTP Basic authentication, which WooCommerce accepts "
                        + "over HTTPS only.)",
                "connection 'woo-main', format 'woocommerce', setting 'batchSize': must be between 1 and 100, was '250'");
        assertThat(e.getMessage()).doesNotContain(Woo.KEY);
    }

    @Test
    void basicAuthenticationNeedsHttps() {
        InvalidSettingsException e = catchThrowableOfType(() -> Woo.connection(Map.of("baseUrl", "http://shop.example.com")),
                InvalidSettingsException.class);

        assertThat(e.problems()).containsExactly("connection 'woo-main', format 'woocommerce', setting 'baseUrl': "
                + "must use https (plain http only for localhost), was 'http://shop.example.com'");
    }
}
