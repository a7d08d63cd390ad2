package org.stockbridge.feed;

/**
 * A reader found the file unusable as a whole (a header without the mapped columns, a record path that does not
 * exist, a syntax error). Becomes the single broken-file {@link RowError} that ends the file.
 */
final class BrokenFileException extends Exception {

    final long line;
    final long ordinal;

    BrokenFileException(long line, long ordinal, String reason) {
        super(reason, null, false, false);
        this.line = line;
        this.ordinal = ordinal;
    }
}
