package org.stockbridge.format;

/** What became of one item of a request. */
public enum ItemOutcome {
    /** The shop took the value. */
    OK,
    /** The shop refused the value (unknown id, invalid value); sending it again unchanged will fail again. */
    FAILED,
    /** The shop could not take it now (rate limit, server error, unreadable answer); send it again later. */
    RETRYABLE
}
