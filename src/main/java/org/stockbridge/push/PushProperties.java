package org.stockbridge.push;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.stockbridge.format.RateLimit;

/**
 * {@code stockbridge.push.*}: how hub-to-shop drains the outbox.
 *
 * @param pollPeriod        how often an idle shop's outbox is looked at: for entries other instances enqueued and
 *                          retries that came due (a change committed in this instance wakes the drain at once)
 * @param batch             outbox entries taken per look by every shop's drain, overriding the per-shop size; null
 *                          (the default): sized per shop from its format's batch size and rate limit ({@link ClaimSize})
 * @param lease             how long a drain owns the entries it took; after that another instance may take them
 *                          (the first one died)
 * @param retryInitialDelay wait before the first retry of a value the shop could not take; doubled each attempt
 * @param retryMaxDelay     the longest wait between retries ({@code Retry-After} may ask for more, up to this too)
 * @param maxAttempts       retries before the entry is marked failed for an operator
 * @param breaker           when a shop that keeps failing is paused (per shop circuit breaker, {@link ShopBreaker})
 * @param databaseConnections how many drains may use the database at once; null (the default): half the connection
 *                          pool, at least one ({@link DrainTurns})
 * @param requestsInFlight  how many of a shop's requests may be under way at once (default 8, never more than its
 *                          rate limit's requests per period): one at a time, a shop answering in 150 ms could take
 *                          at most ~6 requests a second however high its limit
 * @param oneSenderPerShop  on PostgreSQL, whether one instance at a time sends to each shop ({@link ShopSenders}),
 *                          so that instances sharing the database keep to a shop's limit together (default true)
 */
@ConfigurationProperties("stockbridge.push")
public record PushProperties(Duration pollPeriod, Integer batch, Duration lease, Duration retryInitialDelay,
        Duration retryMaxDelay, Integer maxAttempts, Breaker breaker, Integer databaseConnections,
        Integer requestsInFlight, Boolean oneSenderPerShop) {

    public PushProperties {
        pollPeriod = pollPeriod == null ? Duration.ofSeconds(1) : pollPeriod;
        if (batch != null && batch < 1) {
            throw new IllegalArgumentException("stockbridge.push.batch must be at least 1, was " + batch);
        }
        lease = lease == null ? Duration.ofMinutes(5) : lease;
        retryInitialDelay = retryInitialDelay == null ? Duration.ofSeconds(1) : retryInitialDelay;
        retryMaxDelay = retryMaxDelay == null ? Duration.ofMinutes(15) : retryMaxDelay;
        maxAttempts = maxAttempts == null ? 10 : maxAttempts;
        breaker = breaker == null ? new Breaker(null, null) : breaker;
        if (databaseConnections != null && databaseConnections < 1) {
            throw new IllegalArgumentException("stockbridge.push.database-connections must be at least 1, was "
                    + databaseConnections);
        }
        requestsInFlight = requestsInFlight == null ? 8 : requestsInFlight;
        oneSenderPerShop = oneSenderPerShop == null || oneSenderPerShop;
        if (requestsInFlight < 1) {
            throw new IllegalArgumentException("stockbridge.push.requests-in-flight must be at least 1, was "
                    + requestsInFlight);
        }
    }

    /** How many requests {@code limit} lets be under way at once: {@link #requestsInFlight}, at most its requests. */
    public int requestsInFlight(RateLimit limit) {
        return (int) Math.min(requestsInFlight, limit.requests());
    }

    /**
     * @param failures requests in a row that failed as a whole (the shop unreachable, 5xx, 429, timeouts) before the
     *                 shop is paused
     * @param openFor  how long it stays paused before one request tries again (half-open)
     */
    public record Breaker(Integer failures, Duration openFor) {
        public Breaker {
            failures = failures == null ? 5 : failures;
            openFor = openFor == null ? Duration.ofMinutes(1) : openFor;
            if (failures < 1 || openFor.isNegative() || openFor.isZero()) {
                throw new IllegalArgumentException("stockbridge.push.breaker: failures must be at least 1 and open-for "
                        + "positive, were " + failures + " and " + openFor);
            }
        }
    }
}
