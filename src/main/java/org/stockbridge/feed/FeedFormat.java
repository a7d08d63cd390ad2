package org.stockbridge.feed;

/** The file format of a feed; the mapping key {@code format}. */
public enum FeedFormat {
    CSV, XML, JSON
}
