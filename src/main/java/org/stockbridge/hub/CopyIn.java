package org.stockbridge.hub;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.postgresql.PGConnection;

/**
 * Rows for PostgreSQL's {@code COPY … FROM STDIN} in its text format, built in memory for one batch and sent on the
 * caller's connection, so within its transaction; PostgreSQL only ({@link HubDatabase}). Columns are separated by
 * tabs; a null is {@code \N}; a backslash, tab, newline or carriage return in a value is escaped, so any text
 * arrives as it was.
 * <p>
 * Why: a batched INSERT binds every parameter of every row and the server plans and executes a statement per
 * row group; COPY parses the rows as a stream. For the sync records of a push (one per value sent) the INSERT was
 * the database's costliest statement per row (docs/benchmarks.md).
 */
final class CopyIn {

    private final String sql;
    private final StringBuilder rows = new StringBuilder(8192);
    private boolean rowStarted;
    private int count;
    /** The instant last written and its text: a batch's rows mostly share one "now" (a push's sync records all do). */
    private Instant lastInstant;
    private String lastInstantText;

    /** {@code table} with its {@code columns} in the order each row gives them. */
    CopyIn(String table, String columns) {
        this.sql = "COPY " + table + " (" + columns + ") FROM STDIN";
    }

    CopyIn value(Object value) {
        if (rowStarted) {
            rows.append('\t');
        }
        rowStarted = true;
        if (value == null) {
            rows.append("\\N");
            return this;
        }
        if (value instanceof Instant instant) {
            rows.append(text(instant)); // no char of an instant's text needs escaping
            return this;
        }
        String text = value.toString();
        int plain = 0;
        while (plain < text.length() && !escaped(text.charAt(plain))) {
            plain++;
        }
        rows.append(text, 0, plain);
        for (int i = plain; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> rows.append("\\\\");
                case '\t' -> rows.append("\\t");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                default -> rows.append(c);
            }
        }
        return this;
    }

    private static boolean escaped(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r';
    }

    /**
     * An instant to the microsecond PostgreSQL keeps, cut rather than rounded: an entry written due "now" is never
     * later than the "now" a claim compares it with. Formatted once per batch: every sync record of a push formatting
     * its request's same instant again was most of this class's share, a tenth of the push threads' samples.
     */
    private String text(Instant instant) {
        if (!instant.equals(lastInstant)) {
            lastInstant = instant;
            lastInstantText = instant.truncatedTo(ChronoUnit.MICROS).toString();
        }
        return lastInstantText;
    }

    CopyIn endRow() {
        rows.append('\n');
        rowStarted = false;
        count++;
        return this;
    }

    /** Sends the rows; returns how many the server took. */
    long send(Connection connection) throws SQLException {
        if (count == 0) {
            return 0;
        }
        byte[] text = rows.toString().getBytes(StandardCharsets.UTF_8);
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new ByteArrayInputStream(text));
        } catch (IOException e) {
            throw new SQLException(sql + " failed: " + e.getMessage(), e);
        }
    }
}
