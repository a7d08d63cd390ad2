package org.stockbridge.format;

import java.util.List;

/**
 * A connection's settings do not fit its format. Every problem is reported at once, one per line, each naming
 * the connection, the format and the setting:
 * {@code connection 'woo-main', format 'woocommerce', setting 'batchSize': must be between 1 and 100, was 250}.
 * Values of secret settings never appear.
 */
public class InvalidSettingsException extends RuntimeException {

    private final String connection;
    private final List<String> problems;

    public InvalidSettingsException(String connection, List<String> problems) {
        super(String.join("\n", problems));
        this.connection = connection;
        this.problems = List.copyOf(problems);
    }

    /** One problem with one setting, worded like every other. */
    public static InvalidSettingsException of(String connection, String format, String setting, String problem) {
        return new InvalidSettingsException(connection, List.of(prefix(connection, format, setting) + problem));
    }

    public String connection() {
        return connection;
    }

    /** One full sentence per problem, in the order the format declares its settings. */
    public List<String> problems() {
        return problems;
    }

    static String prefix(String connection, String format, String setting) {
        return "connection '" + connection + "', format '" + format + "'"
                + (setting == null ? "" : ", setting '" + setting + "'") + ": ";
    }
}
