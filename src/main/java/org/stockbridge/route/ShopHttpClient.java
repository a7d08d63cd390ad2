package org.stockbridge.route;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How every request to a shop is sent: with Apache HttpClient's own re-execution turned off. HttpClient would
 * otherwise send a request again by itself after a 429 or 503 with {@code Retry-After}, holding the shop's route
 * thread for as long as the shop asks (30 s was seen) — the push stalls, the circuit breaker never hears of the
 * failure, and a create sent twice may make a duplicate. The hub retries on its own terms instead: outbox entries
 * due again after {@code Retry-After}, the shared error handler for product-list reads, never for creates.
 */
@Configuration(proxyBeanMethods = false)
class ShopHttpClient {

    /** The registry name the shop endpoints refer to ({@code httpClientConfigurer=#shopHttpNoReplay}). */
    static final String NO_REPLAY = "shopHttpNoReplay";

    @Bean(NO_REPLAY)
    HttpClientConfigurer shopHttpNoReplay() {
        return HttpClientBuilder::disableAutomaticRetries;
    }
}
