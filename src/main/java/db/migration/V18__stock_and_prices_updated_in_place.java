package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL, room on the stock and price pages for their rows' next versions. A feed's change of a quantity or
 * an amount touches no indexed column, so it can be a heap-only (HOT) update, written without new entries in the
 * tables' two indexes each, but only when the new version fits on the row's own page; pages filled by an import
 * had none, and each changed value cost 27–32 µs in the typical benchmark feed (docs/benchmarks.md). A tenth of
 * each page is left free: a wholesaler changes a few percent of its values per file, and the seq scans that read
 * a feed's values read a tenth more pages. Pages written before this version keep their fill until the table is
 * rewritten ({@code VACUUM FULL stock, price} in a quiet hour; README).
 */
public class V18__stock_and_prices_updated_in_place extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("ALTER TABLE stock SET (fillfactor = 90)");
                ddl.execute("ALTER TABLE price SET (fillfactor = 90)");
            }
        }
    }
}
