package org.stockbridge.feed.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.stockbridge.hub.IncomingProduct;

/**
 * Spreads a feed's rows over {@code lanes} lanes by their key and applies each lane's full batches on its own
 * thread, so a feed uses more than one core (and more than one database connection) while it is applied.
 * <p>
 * Rows with the same key always go to the same lane, and a lane applies its batches one after another in file
 * order: a key that occurs twice in a file ends with the later row's values, as in a single pass. Batches of
 * different lanes touch different products, each in its own transaction; their product locks are taken in id
 * order, so two lanes never deadlock. At most {@value #IN_FLIGHT} batches per lane wait or run at once, which
 * bounds memory whatever the file's size. With one lane, batches are applied on the caller's thread.
 * <p>
 * The first batch that fails stops the lanes: {@link #close} waits for the batches under way and rethrows it.
 */
final class BatchLanes implements AutoCloseable {

    private static final int IN_FLIGHT = 2;

    private final int batchSize;
    private final Consumer<List<IncomingProduct>> apply;
    private final List<List<IncomingProduct>> open = new ArrayList<>();
    private final List<ExecutorService> threads = new ArrayList<>();
    private final List<Semaphore> slots = new ArrayList<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    /** The failure was thrown to the caller already (by {@link #add}): {@link #close} must not throw it again. */
    private boolean thrown;

    BatchLanes(int lanes, int batchSize, String name, Consumer<List<IncomingProduct>> apply) {
        this.batchSize = batchSize;
        this.apply = apply;
        AtomicInteger number = new AtomicInteger();
        for (int i = 0; i < lanes; i++) {
            open.add(new ArrayList<>(batchSize));
            if (lanes > 1) {
                threads.add(Executors.newSingleThreadExecutor(runnable -> {
                    Thread thread = new Thread(runnable, name + " lane " + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }));
                slots.add(new Semaphore(IN_FLIGHT));
            }
        }
    }

    void add(IncomingProduct row) {
        int lane = Math.floorMod(row.key().hashCode(), open.size());
        List<IncomingProduct> batch = open.get(lane);
        batch.add(row);
        if (batch.size() == batchSize) {
            submit(lane);
        }
    }

    /**
     * Hands each idle lane its partial batch now, without waiting for it to fill: rows the caller kept back
     * (because they repeat the hub's values) make batches fill slowly, and their rows should not all wait for the
     * end of the file. A lane still applying an earlier batch keeps collecting instead: every batch costs the
     * database a few statements and a commit whatever its size, so handing a busy lane many small batches made
     * the lane (and, once its slots were taken, the caller) wait on those fixed costs. A key's rows stay in file
     * order.
     */
    void flush() {
        submitPartial(true);
    }

    private void submitPartial(boolean idleLanesOnly) {
        for (int lane = 0; lane < open.size() && !thrown; lane++) {
            if (!open.get(lane).isEmpty() && (!idleLanesOnly || idle(lane))) {
                submit(lane);
            }
        }
    }

    private boolean idle(int lane) {
        return threads.isEmpty() || slots.get(lane).availablePermits() == IN_FLIGHT;
    }

    /** Applies the partial batches, waits for every lane and rethrows the first failure. */
    @Override
    public void close() {
        submitPartial(false);
        threads.forEach(ExecutorService::shutdown);
        for (ExecutorService thread : threads) {
            try {
                while (!thread.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
                    // a batch waits for a product lock another transaction holds: keep waiting
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                threads.forEach(ExecutorService::shutdownNow);
                throw new IllegalStateException("interrupted while the feed was applied", e);
            }
        }
        if (!thrown) {
            rethrow();
        }
    }

    private void submit(int lane) {
        rethrow();
        List<IncomingProduct> batch = List.copyOf(open.get(lane));
        open.get(lane).clear();
        if (threads.isEmpty()) {
            apply.accept(batch);
            return;
        }
        Semaphore slot = slots.get(lane);
        slot.acquireUninterruptibly();
        threads.get(lane).execute(() -> {
            try {
                if (failure.get() == null) {
                    apply.accept(batch);
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            } catch (Error e) {
                failure.compareAndSet(null, new IllegalStateException("applying a batch failed: " + e, e));
            } finally {
                slot.release();
            }
        });
    }

    private void rethrow() {
        RuntimeException failed = failure.get();
        if (failed != null) {
            threads.forEach(ExecutorService::shutdownNow);
            thrown = true;
            throw failed;
        }
    }
}
