package org.stockbridge.hub;

import java.sql.Timestamp;
import java.time.Instant;

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

    /** Leaves a request for the shop; one already waiting stands for both. */
    public void request(String connection, Instant at) {
        try {
            jdbc.update("INSERT INTO reconcile_request (connection_id, requested_at) VALUES (?, ?)", connection,
                    Timestamp.from(at));
        } catch (DuplicateKeyException alreadyWaiting) {
            // the waiting one will read the shop's list as it is then: that covers this request too
        }
    }

    /** Takes the shop's waiting request, if any: true for exactly one of the instances asking at once. */
    public boolean take(String connection) {
        return jdbc.update("DELETE FROM reconcile_request WHERE connection_id = ?", connection) > 0;
    }
}
