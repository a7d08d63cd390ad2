package org.stockbridge.feed.intake;

import org.stockbridge.hub.FeedRun;

/**
 * What became of one feed file: {@code applied} (possibly with some bad rows), {@code rejected} (not well-formed,
 * or too many bad rows: nothing applied), or {@code held} (a full feed far shorter than the previous one, waiting
 * for an operator: nothing applied). A run cut off by a crash is later marked {@code interrupted}, one that threw
 * {@code failed}. {@code run} has the counts and the human summary.
 */
public record FeedOutcome(FeedRun run, java.nio.file.Path report) {

    public static final String APPLIED = "applied";
    public static final String REJECTED = "rejected";
    public static final String HELD = "held";
    /** Applying failed (the database, a bug): what committed before stays, the file goes to the error folder. */
    public static final String FAILED = "failed";

    public boolean rejected() {
        return REJECTED.equals(run.outcome());
    }

    public boolean held() {
        return HELD.equals(run.outcome());
    }
}
