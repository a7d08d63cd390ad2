package org.stockbridge.hub;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row of a scan of the hub's values ({@link LinkedValueReader}), whichever way the database sent it: a JDBC
 * result set or a binary COPY. Columns count from 0.
 */
interface ValueRow {

    String text(int column) throws SQLException;

    long int8(int column) throws SQLException;

    int int4(int column) throws SQLException;

    /**
     * A {@code numeric} column as {@link LinkedValues} keeps a price: in ten-thousandths, or
     * {@link LinkedValues#NO_PRICE} when it is NULL or cannot be one ({@link LinkedValues#priceValue}).
     */
    long price(int column) throws SQLException;

    /** The current row of a result set, one instance for all the rows a scan reads (a million, on H2). */
    final class OfResultSet implements ValueRow {
        private ResultSet rs;

        /** Points at {@code rs}'s current row. */
        ValueRow at(ResultSet rs) {
            this.rs = rs;
            return this;
        }

        @Override
        public String text(int column) throws SQLException {
            return rs.getString(column + 1);
        }

        @Override
        public long int8(int column) throws SQLException {
            return rs.getLong(column + 1);
        }

        @Override
        public int int4(int column) throws SQLException {
            return rs.getInt(column + 1);
        }

        @Override
        public long price(int column) throws SQLException {
            return LinkedValues.priceValue(rs.getBigDecimal(column + 1));
        }
    }
}
