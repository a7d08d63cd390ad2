package org.stockbridge.route;

/** A feed file refused whole (not well-formed, or too many bad rows); the consumer moves it to its error folder. */
public class FeedRejectedException extends RuntimeException {

    public FeedRejectedException(String message) {
        super(message);
    }
}
