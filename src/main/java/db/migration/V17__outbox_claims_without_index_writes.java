package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A claim no longer moves an outbox entry's state (OutboxStore): an entry claimed before this version, state
 * {@code sending}, becomes a pending entry that keeps its claim and lease, which is what a claim writes now. A new
 * column {@code follows} marks an entry written while another entry of its item was claimed: a claim asks
 * whether its item is still in flight for those entries only.
 * <p>
 * On PostgreSQL, pages with room for in-place updates: a claim and a shop value's update change no indexed
 * column, so each is a heap-only (HOT) update, written without new index entries, but only when the new row
 * version fits on the row's own page. A drain claims whole runs of entries written side by side, so the outbox's
 * pages keep more than half their room free (its entries live minutes; the table stays small); a shop's values
 * change one by one, so {@code shop_value} keeps 30 %. Before, none of the push's 400 000 claims and 14 % of
 * its shop-value updates in the benchmark's second push were HOT (docs/benchmarks.md).
 */
public class V17__outbox_claims_without_index_writes extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE outbox ADD COLUMN follows BOOLEAN DEFAULT FALSE NOT NULL");
            ddl.execute("UPDATE outbox SET follows = TRUE WHERE state = 'pending'");
            ddl.execute("UPDATE outbox SET state = 'pending' WHERE state = 'sending'");
            if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                ddl.execute("ALTER TABLE outbox SET (fillfactor = 40)");
                ddl.execute("ALTER TABLE shop_value SET (fillfactor = 70)");
            }
        }
    }
}
