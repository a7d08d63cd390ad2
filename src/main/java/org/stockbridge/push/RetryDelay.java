package org.stockbridge.push;

import java.time.Duration;
import java.util.Optional;

/**
 * How long a value the shop could not take waits before it is sent again: exponential backoff from the initial
 * delay, or what the shop asked for in {@code Retry-After} when that is longer; never more than the maximum, so a
 * bogus {@code Retry-After} cannot park an entry for a day.
 */
record RetryDelay(Duration initial, Duration max) {

    /** @param attempts failed sends so far, this one included (1 after the first failure) */
    Duration after(int attempts, Optional<Duration> retryAfter) {
        Duration backoff = initial.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        Duration wait = retryAfter.filter(asked -> asked.compareTo(backoff) > 0).orElse(backoff);
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
