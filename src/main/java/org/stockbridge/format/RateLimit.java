package org.stockbridge.format;

import java.time.Duration;

/** At most {@code requests} per {@code period}; the shape Camel's throttle EIP takes. */
public record RateLimit(long requests, Duration period) {

    public RateLimit {
        if (requests < 1 || period == null || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a rate limit needs at least one request per positive period");
        }
    }

    /**
     * The period the sender's throttle counts in: the limit's own plus 10 %. The throttle counts a request when it
     * leaves, the shop when it arrives, and the time in between varies (connection set-up, a GC pause): measured
     * against 20 stand-in shops (bench/push.sh), an exact period let 6 requests arrive within 960 ms at a 5/s
     * limit. The margin costs a tenth of the rate and keeps the shop's own count under its limit.
     */
    public long throttlePeriodMillis() {
        return period.toMillis() * 11 / 10;
    }

    public static RateLimit perSecond(long requests) {
        return new RateLimit(requests, Duration.ofSeconds(1));
    }

    public static RateLimit perMinute(long requests) {
        return new RateLimit(requests, Duration.ofMinutes(1));
    }
}
