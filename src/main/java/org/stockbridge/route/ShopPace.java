package org.stockbridge.route;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.stockbridge.format.RateLimit;

/**
 * Paces one shop's pushes within its rate limit as the shop counts them: by arrival, in a sliding window.
 * <p>
 * Two rules decide when the next request may leave. Evenly: at least period / limit after the previous one left,
 * so a per-minute budget is not spent in a burst that leaves later changes waiting for the window to reopen
 * (a 30/min shop: one request per 2 s, which also lets the changes of those 2 s ride together). Safely: at least
 * one period after the answer to the request {@code limit} requests back. A request reaches the shop after it
 * leaves and before its answer comes back, so any {@code limit + 1} consecutive requests arrive at least a period
 * apart however long each took on the way. Camel's throttle counts when requests leave; with the shop's count
 * taken on arrival, a margin on its period was needed (+10 %, capping the achievable rate at 91 %), and even so
 * delays on a loaded machine could bunch arrivals (bench/push.sh). Here the cost is one round trip per period.
 * <p>
 * One per hub-to-shop route, whose requests go one at a time: {@link #leave()} before sending, {@link #answered()}
 * once the answer (or the failure) is in.
 */
final class ShopPace {

    private final long intervalNanos;
    private final long periodNanos;
    // when the last `limit` requests were answered, oldest at `oldest`: the request `limit` back
    private final long[] answers;
    private int oldest;
    private long lastLeft;

    ShopPace(RateLimit limit) {
        this.periodNanos = limit.period().toNanos();
        this.intervalNanos = (periodNanos + limit.requests() - 1) / limit.requests();
        this.answers = new long[Math.toIntExact(limit.requests())];
        long longAgo = System.nanoTime() - periodNanos - intervalNanos;
        Arrays.fill(answers, longAgo);
        this.lastLeft = longAgo;
    }

    /** Waits until the next request may leave; the caller sends it at once. */
    synchronized void leave() throws InterruptedException {
        long wait;
        while ((wait = Math.max(lastLeft + intervalNanos, answers[oldest] + periodNanos) - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
        lastLeft = System.nanoTime();
    }

    /** The request that left last has been answered, or failed: the shop has counted it, if it ever got it. */
    synchronized void answered() {
        answers[oldest] = System.nanoTime();
        oldest = (oldest + 1) % answers.length;
    }
}
