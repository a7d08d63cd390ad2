package org.stockbridge.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.stockbridge.format.RateLimit;

/**
 * {@link ShopPace} with several requests under way at once, answered in any order, and the {@link PaceTurn} an
 * exchange holds. The figures asserted are
 * lower bounds the pace guarantees (a slow machine only makes them larger), never how fast anything went.
 */
class ShopPaceTest {

    private static final long PERIOD_MILLIS = 200;

    @Test
    void aRequestALimitBackThatIsStillUnderWayHoldsTheNextOneUntilAPeriodAfterItsAnswer() throws Exception {
        ShopPace pace = new ShopPace(new RateLimit(2, Duration.ofMillis(PERIOD_MILLIS)));
        int first = pace.leave(true);
        int second = pace.leave(true);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<Integer> third = CompletableFuture.supplyAsync(leaving(pace), thread);
            pace.answered(second); // answered out of order: the third still waits for the first, a limit back

            Thread.sleep(3 * PERIOD_MILLIS);
            assertThat(third).as("the request a limit back is still under way").isNotDone();
            long answered = System.nanoTime();
            pace.answered(first);
            int slot = third.get(10, TimeUnit.SECONDS);
            long left = System.nanoTime();

            assertThat(slot).as("the slot of the request a limit back").isEqualTo(first);
            assertThat(TimeUnit.NANOSECONDS.toMillis(left - answered)).isGreaterThanOrEqualTo(PERIOD_MILLIS);
        } finally {
            thread.shutdownNow();
        }
    }

    @Test
    void requestsUnderWayTogetherNeverArriveMoreThanTheLimitWithinAPeriod() throws Exception {
        int limit = 3;
        ShopPace pace = new ShopPace(new RateLimit(limit, Duration.ofMillis(PERIOD_MILLIS)));
        List<Long> arrivals = new ArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(5);
        try {
            List<CompletableFuture<Void>> requests = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                long seed = i;
                requests.add(CompletableFuture.runAsync(() -> {
                    // each request reaches the shop some time after leaving and is answered some time after that
                    Random delays = new Random(seed);
                    int slot = leaving(pace).get();
                    sleep(delays.nextInt(120));
                    synchronized (arrivals) {
                        arrivals.add(System.nanoTime());
                    }
                    sleep(delays.nextInt(120));
                    pace.answered(slot);
                }, senders));
            }
            CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            senders.shutdownNow();
        }

        arrivals.sort(null);
        assertThat(arrivals).hasSize(24);
        for (int i = limit; i < arrivals.size(); i++) {
            assertThat(TimeUnit.NANOSECONDS.toMillis(arrivals.get(i) - arrivals.get(i - limit)))
                    .as("arrivals %d to %d", i - limit, i).isGreaterThanOrEqualTo(PERIOD_MILLIS);
        }
    }

    @Test
    void theNextDrainWaitsWhileARequestWaitsForItsTurnInThePaceOrInTheQueue() throws Exception {
        ShopPace pace = new ShopPace(new RateLimit(1, Duration.ofMinutes(1)));
        pace.answered(pace.leave(true));
        AtomicInteger queued = new AtomicInteger(1);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        Thread waitingForItsTurn = waitingInLeave(pace, true);
        try {
            Future<?> nextDrain = thread.submit(() -> {
                pace.awaitNoneWaiting(queued::get);
                return null;
            });

            queued.set(0); // taken from the queue: the other request still waits for its turn, a minute away
            Thread.sleep(3 * PERIOD_MILLIS);
            assertThat(nextDrain).as("one request still waits for its turn").isNotDone();
            waitingForItsTurn.interrupt(); // gone without leaving, as a request the breaker refuses
            nextDrain.get(10, TimeUnit.SECONDS);
        } finally {
            waitingForItsTurn.interrupt();
            thread.shutdownNow();
        }
    }

    @Test
    void theNextDrainDoesNotWaitForAListPageWaitingForItsTurn() throws Exception {
        ShopPace pace = new ShopPace(new RateLimit(1, Duration.ofMinutes(1)));
        pace.answered(pace.leave(true));
        Thread page = waitingInLeave(pace, false); // a reconciliation page, a minute away
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            // a long reconciliation must not hold the shop's changes back: the drain claims while pages wait
            thread.submit(() -> {
                pace.awaitNoneWaiting(() -> 0);
                return null;
            }).get(10, TimeUnit.SECONDS);
        } finally {
            page.interrupt();
            thread.shutdownNow();
        }
    }

    @Test
    void aTurnIsHandedBackOnceSoAnExchangeEndingLaterFreesNoOtherRequestsSlot() throws Exception {
        ShopPace pace = new ShopPace(new RateLimit(1, Duration.ofMillis(PERIOD_MILLIS)));
        try (CamelContext camel = new DefaultCamelContext()) {
            Exchange first = new DefaultExchange(camel);
            Exchange second = new DefaultExchange(camel);
            PaceTurn.take(first, pace, true);
            PaceTurn.answered(first);
            PaceTurn.take(second, pace, true); // the only slot again, a period after the first's answer
            // the first exchange ends after that: its turn was handed back already, the second's slot stays taken
            first.getExchangeExtension().handoverCompletions().forEach(done -> done.onComplete(first));
            ExecutorService thread = Executors.newSingleThreadExecutor();
            try {
                Future<Integer> third = thread.submit(() -> pace.leave(true));
                Thread.sleep(3 * PERIOD_MILLIS);
                assertThat(third).as("the second request is still under way").isNotDone();
                // the second ends without an answer (a page failed after its retries): the exchange's end hands it back
                second.getExchangeExtension().handoverCompletions().forEach(done -> done.onFailure(second));
                third.get(10, TimeUnit.SECONDS);
            } finally {
                thread.shutdownNow();
            }
        }
    }

    @Test
    void aFailedRequestGivesItsTurnBackAtOnceAndTakesANewOneWhenSentAgain() throws Exception {
        ShopPace pace = new ShopPace(new RateLimit(1, Duration.ofMillis(PERIOD_MILLIS)));
        try (CamelContext camel = new DefaultCamelContext()) {
            Exchange exchange = new DefaultExchange(camel);
            PaceTurn.take(exchange, pace, true);
            PaceTurn.failed(exchange); // what the error handler does as the attempt fails, before its backoff
            long failed = System.nanoTime();

            // during the backoff the shop's other requests go on: the failed attempt holds no slot
            int other = CompletableFuture.supplyAsync(leaving(pace)).get(10, TimeUnit.SECONDS);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - failed)).isGreaterThanOrEqualTo(PERIOD_MILLIS);
            pace.answered(other);
            long otherAnswered = System.nanoTime();
            PaceTurn.again(exchange); // before the redelivery: a new turn, a period after the other request's answer
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - otherAnswered)).isGreaterThanOrEqualTo(PERIOD_MILLIS);
            PaceTurn.answered(exchange);

            PaceTurn.again(exchange); // a later step redelivered: nothing goes to the shop, no turn is taken
            // had it taken the only slot, the next request would wait for an answer that never comes
            CompletableFuture.supplyAsync(leaving(pace)).get(10, TimeUnit.SECONDS);
        }
    }

    /** A request on a thread of its own, returned once it is inside {@code leave}, waiting for its turn. */
    private static Thread waitingInLeave(ShopPace pace, boolean push) throws InterruptedException {
        Thread request = new Thread(() -> {
            try {
                pace.leave(push);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // gone without leaving
            }
        });
        request.start();
        while (request.getState() != Thread.State.TIMED_WAITING) {
            Thread.sleep(5);
        }
        return request;
    }

    private static Supplier<Integer> leaving(ShopPace pace) {
        return () -> {
            try {
                return pace.leave(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
