package org.stockbridge.route;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

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
 * Several requests of a shop may be under way at once (their answers come back in any order): each request that
 * leaves takes the slot of the request {@code limit} back and holds it until its own answer, so at most
 * {@code limit} are ever under way. {@link #leave(boolean)} before sending, {@link #answered(int)} with the slot it gave
 * once the answer (or the failure) is in; every slot taken must be handed back, or the shop stops after
 * {@code limit} more requests.
 */
final class ShopPace {

    private static final long UNDER_WAY = Long.MAX_VALUE;

    private final long intervalNanos;
    private final long periodNanos;
    // per slot, when its request was answered (UNDER_WAY until then); `next` is the slot of the request `limit` back
    private final long[] answers;
    private int next;
    private long lastLeft;
    // pushes inside leave(), waiting for their turn (what the next drain waits for; other requests do not count)
    private int waiting;

    ShopPace(RateLimit limit) {
        this.periodNanos = limit.period().toNanos();
        this.intervalNanos = (periodNanos + limit.requests() - 1) / limit.requests();
        this.answers = new long[Math.toIntExact(limit.requests())];
        long longAgo = System.nanoTime() - periodNanos - intervalNanos;
        Arrays.fill(answers, longAgo);
        this.lastLeft = longAgo;
    }

    /**
     * Waits until the next request may leave; the caller sends it at once and hands the slot back when answered.
     * {@code push}: a push the shop's next drain waits for
     * ({@link #awaitNoneWaiting}); a reconciliation page or a catalog read is not one, or a long reconciliation
     * would hold every change back until its last page.
     */
    synchronized int leave(boolean push) throws InterruptedException {
        int counted = push ? 1 : 0;
        waiting += counted;
        try {
            while (true) {
                int slot = next;
                if (answers[slot] == UNDER_WAY) {
                    wait(); // the request a limit back is still under way: its answer wakes us
                    continue;
                }
                long wait = Math.max(lastLeft + intervalNanos, answers[slot] + periodNanos) - System.nanoTime();
                if (wait <= 0) {
                    answers[slot] = UNDER_WAY;
                    next = (slot + 1) % answers.length;
                    lastLeft = System.nanoTime();
                    return slot;
                }
                TimeUnit.NANOSECONDS.timedWait(this, wait);
            }
        } finally {
            waiting -= counted;
            notifyAll();
        }
    }

    /**
     * Waits until no push is waiting for its turn, here or {@code queued} before it. A drain that is not behind
     * a backlog calls this before it claims: changes that come meanwhile then ride together in its request, instead
     * of queueing one small request each behind the pace, where a window full of them made the latest wait longest.
     */
    synchronized void awaitNoneWaiting(IntSupplier queued) throws InterruptedException {
        while (waiting + queued.getAsInt() > 0) {
            // leaving wakes us; a request taken from the queue and refused by the breaker does not, hence the limit
            TimeUnit.MILLISECONDS.timedWait(this, 20);
        }
    }

    /** The request that left with {@code slot} has been answered, or failed: the shop has counted it, if it ever got it. */
    synchronized void answered(int slot) {
        answers[slot] = System.nanoTime();
        notifyAll();
    }
}
