package org.stockbridge.format;

import java.time.Duration;

/** At most {@code requests} per {@code period}; the shape Camel's throttle EIP takes. */
public record RateLimit(long requests, Duration period) {

    public RateLimit {
        if (requests < 1 || period == null || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a rate limit needs at least one request per positive period");
        }
    }

    /** Delivery jitter a request may take between leaving the throttle and reaching the shop; see below. */
    static final long JITTER_MILLIS = 50;

    /**
     * The period the sender's throttle counts in: the limit's own plus a margin of {@value #JITTER_MILLIS} ms and
     * 2 %. The throttle counts a request when it leaves, the shop when it arrives, and the time in between varies
     * (connection set-up, a GC pause, a busy machine): measured against 20 stand-in shops (bench/push.sh), an exact
     * period let 6 requests arrive within 960 ms at a 5/s limit, and 31 within 59.8 s at 30/min. A fixed 10 %
     * absorbed that but capped the achievable rate at 91 % of the limit; this margin costs 7 % of a per-second
     * limit and 2 % of a per-minute one.
     */
    public long throttlePeriodMillis() {
        return period.toMillis() + JITTER_MILLIS + period.toMillis() / 50;
    }

    /**
     * The least time between two requests when they are paced evenly: {@link #throttlePeriodMillis()} spread over
     * the limit's requests, rounded up. Paced, any {@code requests + 1} requests span at least that period, so a
     * shop counting arrivals in a sliding window never sees one too many unless one request is delayed by more
     * than the margin relative to a later one; and a per-minute budget is not spent in a burst that leaves later
     * changes waiting for the window to reopen.
     */
    public long intervalMillis() {
        return (throttlePeriodMillis() + requests - 1) / requests;
    }

    public static RateLimit perSecond(long requests) {
        return new RateLimit(requests, Duration.ofSeconds(1));
    }

    public static RateLimit perMinute(long requests) {
        return new RateLimit(requests, Duration.ofMinutes(1));
    }
}
