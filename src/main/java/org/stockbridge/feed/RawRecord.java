package org.stockbridge.feed;

import java.util.Arrays;

/**
 * The mapped values of one record as text, before conversion. Each reader fills one instance and reuses it for
 * every record, so the hot path allocates only the strings it needs.
 */
final class RawRecord {

    /** Values by {@link FeedField} ordinal; null when absent. */
    final String[] values = new String[FeedField.count()];
    long line;
    long ordinal;
    /** Set when the reader already knows the record is unusable (a short CSV row, a JSON object where a value goes). */
    String problem;

    void reset(long line, long ordinal) {
        Arrays.fill(values, null);
        this.line = line;
        this.ordinal = ordinal;
        this.problem = null;
    }

    String get(FeedField field) {
        return values[field.ordinal()];
    }
}
