package org.stockbridge.hub;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A read started on a thread of its own, so that it runs beside other work of the same feed (the hub's values
 * beside the validation, the prices beside the stock). Feeds are few and long, so a thread per read, not a pool.
 */
public final class BackgroundRead {

    private BackgroundRead() {
    }

    /** Starts {@code read} on a new daemon thread called {@code name}. */
    public static <T> CompletableFuture<T> start(String name, Supplier<T> read) {
        return CompletableFuture.supplyAsync(read, task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** Waits for the read and returns its result; what it threw is thrown as it was. */
    public static <T> T await(CompletableFuture<T> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
