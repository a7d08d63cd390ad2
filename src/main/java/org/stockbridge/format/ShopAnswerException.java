package org.stockbridge.format;

import java.time.Duration;
import java.util.Optional;

/**
 * A shop answered a read (a product page) with an error or with something unreadable. Says whether asking again
 * may help and, when the shop said so, after how long.
 */
public class ShopAnswerException extends RuntimeException {

    private final boolean retryable;
    private final Optional<Duration> retryAfter;

    public ShopAnswerException(String message, boolean retryable, Optional<Duration> retryAfter) {
        super(message);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public boolean retryable() {
        return retryable;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
