package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On H2, V13's scan indexes also carry the value a feed reads (stock's quantity, price's amount), so a page of a
 * scan is read from the index alone. With V13's (warehouse, product), H2 fetched every row's quantity from the
 * table: a million lookups spread over the whole table, each one reading and decoding a page that the small page
 * cache soon dropped again.
 * <p>
 * Only on H2, because only H2 gains and loses nothing: its UPDATE removes a row from every index of the table and
 * adds it again whether an indexed column changed or not, so an index on the quantity costs a stock update
 * nothing more. PostgreSQL reads the scans with COPY, without these indexes, and an index on the quantity there
 * would end its in-place (HOT) updates of stock.
 */
public class V14__value_scans_covered_on_h2 extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("DROP INDEX ix_stock_warehouse_product");
            ddl.execute("CREATE INDEX ix_stock_warehouse_product ON stock (warehouse_id, product_id, quantity)");
            ddl.execute("DROP INDEX ix_price_group_product");
            ddl.execute("CREATE INDEX ix_price_group_product ON price (price_group_id, product_id, amount)");
        }
    }
}
