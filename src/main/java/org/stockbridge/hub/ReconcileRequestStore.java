package org.stockbridge.hub;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reconciliations waiting for the instance that sends to their shop (table {@code reconcile_request}): one per
 * shop, asked on another instance, taken by the sender.
 */
@Repository
public class ReconcileRequestStore {

    private final JdbcTemplate jdbc;

    public ReconcileRequestStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Leaves a request for the shop; one already waiting stands for both, with the later time. */
    public void request(String connection, Instant asked) {
        Instant at = millis(asked);
        try {
            jdbc.update("INSERT INTO reconcile_request (connection_id, requested_at) VALUES (?, ?)", connection,
                    Timestamp.from(at));
        } catch (DuplicateKeyException alreadyWaiting) {
            // asked again, maybe while a run is under way: it must still be there when that run is done
            jdbc.update("UPDATE reconcile_request SET requested_at = ? WHERE connection_id = ? AND requested_at < ?",
                    Timestamp.from(at), connection, Timestamp.from(at));
        }
    }

    /** Whether a request for the shop waits. */
    public boolean waiting(String connection) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM reconcile_request WHERE connection_id = ?", Integer.class,
                connection) > 0;
    }

    /**
     * A reconciliation that started at {@code startedAt} has run: the requests it answered are done. One asked after
     * it started stays (the run may have read the list before what that request was about). Done only after the
     * run, so a sender that dies mid-run leaves the request to the next one.
     */
    public void done(String connection, Instant startedAt) {
        jdbc.update("DELETE FROM reconcile_request WHERE connection_id = ? AND requested_at <= ?", connection,
                Timestamp.from(millis(startedAt)));
    }

    /** Times compare in milliseconds: the databases round finer fractions to their column's precision. */
    private static Instant millis(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS);
    }
}
