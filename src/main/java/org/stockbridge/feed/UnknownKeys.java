package org.stockbridge.feed;

/** What the hub does with a feed row whose key it does not know yet; the mapping key {@code unknownKeys}. */
public enum UnknownKeys {
    /** Record the row as "unknown product" and change nothing (the default: feeds often list a whole catalogue). */
    REPORT,
    /** Create the product in the hub from the row. */
    CREATE
}
