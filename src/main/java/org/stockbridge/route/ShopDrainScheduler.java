package org.stockbridge.route;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.spi.ScheduledPollConsumerScheduler;
import org.apache.camel.support.service.ServiceSupport;

/**
 * When a hub-to-shop route drains its shop's outbox: the {@code scheduler:} consumer's poll runs when this
 * instance enqueued entries for the shop ({@link #wakeUp}, from {@link org.stockbridge.push.DrainWakeUps}), or
 * else once per poll period, which finds what other instances sharing the database enqueued and retries that came
 * due. The consumer is greedy: while a drain took a full claim it drains again at once, without waiting for either.
 * <p>
 * One thread per shop, as the {@code timer:} it replaces had. Stopping does not interrupt a drain under way: its
 * requests and their recording finish (the route's shutdown waits for them), then the loop ends.
 */
final class ShopDrainScheduler extends ServiceSupport implements ScheduledPollConsumerScheduler {

    private final String name;
    private final long pollMillis;
    // at most one permit: wake-ups while a drain runs make one more drain, not one each
    private final Semaphore due = new Semaphore(0);
    private CamelContext camelContext;
    private Consumer consumer;
    private Runnable poll;
    private volatile ExecutorService thread;

    ShopDrainScheduler(String name, Duration pollPeriod) {
        this.name = name;
        this.pollMillis = pollPeriod.toMillis();
    }

    /** Entries became due: drain at once, or right after the drain under way. Only signals; never blocks. */
    void wakeUp() {
        if (due.availablePermits() == 0) {
            due.release();
        }
    }

    @Override
    public void onInit(Consumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public void scheduleTask(Runnable task) {
        this.poll = task;
    }

    @Override
    public void startScheduler() {
        if (thread == null) {
            ExecutorService mine = camelContext.getExecutorServiceManager().newSingleThreadExecutor(consumer, name);
            thread = mine;
            mine.execute(() -> drainUntilShutDown(mine));
        }
    }

    private void drainUntilShutDown(ExecutorService mine) {
        try {
            while (!mine.isShutdown()) {
                due.tryAcquire(pollMillis, TimeUnit.MILLISECONDS);
                due.drainPermits();
                if (!mine.isShutdown()) {
                    poll.run(); // the consumer's poll: catches and logs what a drain throws
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isSchedulerStarted() {
        return thread != null;
    }

    @Override
    public void unscheduleTask() {
        stopThread();
    }

    @Override
    protected void doStop() {
        stopThread();
    }

    private void stopThread() {
        ExecutorService mine = thread;
        if (mine != null) {
            thread = null;
            camelContext.getExecutorServiceManager().shutdown(mine); // no interrupt: a drain under way finishes
            due.release(); // ends the wait at once
        }
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }
}
