package org.stockbridge.feed;

/**
 * Why one value of a record cannot be used. Thrown inside the row mapping only and turned into a {@link RowError};
 * it has no stack trace because bad rows are data, not bugs, and a feed may have thousands of them.
 */
final class RowProblem extends Exception {

    RowProblem(String reason) {
        super(reason, null, false, false);
    }
}
