package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Drops the foreign keys of {@code shop_value} and {@code outbox} (to {@code product} and {@code connection}).
 * <p>
 * On PostgreSQL every row inserted under a foreign key takes a KEY SHARE lock on the product row it names: a
 * write to that row's header, logged in the WAL. When 20 shops record their first values for the same products at
 * once, those products carry a multixact of 20 lockers. {@code pg_stat_statements} during bench/push.sh put
 * {@code shop_value}'s INSERT at 30–55 µs a row, the most expensive statement of the push, well above the
 * {@code sync_record} INSERT with its four indexes and no foreign key (17–27 µs). Products and connections are never
 * deleted (connections are configuration, products are kept for their history), so the keys guarded nothing the
 * hub does; an id in these two tables always comes from a product or connection just read.
 * <p>
 * A Java migration because the constraints were declared without names: H2 and PostgreSQL named them differently,
 * so their names are read from the information schema.
 */
public class V12__shop_value_outbox_without_foreign_keys extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<String[]> keys = new ArrayList<>();
        try (PreparedStatement find = connection.prepareStatement("SELECT table_name, constraint_name FROM "
                + "information_schema.table_constraints WHERE constraint_type = 'FOREIGN KEY' "
                + "AND LOWER(table_name) IN ('shop_value', 'outbox') AND table_schema = CURRENT_SCHEMA")) {
            try (ResultSet found = find.executeQuery()) {
                while (found.next()) {
                    keys.add(new String[] {found.getString(1), found.getString(2)});
                }
            }
        }
        try (Statement drop = connection.createStatement()) {
            for (String[] key : keys) {
                drop.execute("ALTER TABLE " + key[0] + " DROP CONSTRAINT \"" + key[1] + "\"");
            }
        }
    }
}
