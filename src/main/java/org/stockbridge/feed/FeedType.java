package org.stockbridge.feed;

/** Whether a feed lists every product or only changes; the mapping key {@code feedType}. */
public enum FeedType {
    /** Every product the connection has; products missing from the file drop to zero stock (behind the guard). */
    FULL,
    /** Only changed products; products missing from the file are left alone. */
    DELTA
}
