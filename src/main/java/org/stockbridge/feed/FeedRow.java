package org.stockbridge.feed;

/**
 * One result of reading a feed: a {@link ProductRow} or a {@link RowError}. Both say where in the file they come from.
 */
public sealed interface FeedRow permits ProductRow, RowError {

    /** The feed file's name as given to {@link FeedReader#open}. */
    String fileName();

    /**
     * 1-based line in the file: where the CSV record starts, or where the XML record element / JSON record object
     * starts (as StAX / Jackson report it). 0 when no position is known.
     */
    long line();

    /** 1-based ordinal of the record among the file's data records (CSV header not counted); 0 if none. */
    long ordinal();

    /** The product's key (SKU or EAN, per the mapping), or null when it is missing or could not be read. */
    String key();
}
