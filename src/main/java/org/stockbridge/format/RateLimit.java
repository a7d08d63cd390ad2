package org.stockbridge.format;

import java.time.Duration;

/** At most {@code requests} per {@code period}, as the shop counts them (on arrival; see the route's ShopPace). */
public record RateLimit(long requests, Duration period) {

    public RateLimit {
        if (requests < 1 || period == null || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a rate limit needs at least one request per positive period");
        }
    }

    public static RateLimit perSecond(long requests) {
        return new RateLimit(requests, Duration.ofSeconds(1));
    }

    public static RateLimit perMinute(long requests) {
        return new RateLimit(requests, Duration.ofMinutes(1));
    }
}
