package org.stockbridge.feed;

/**
 * A record that could not be used, or (when {@link #fileBroken()}) the point where the file itself stopped being
 * readable. Rows after an ordinary error are still read; a broken-file error is always the last result.
 *
 * @param key        the SKU or EAN if it could be read, else null
 * @param reason     what is wrong, for operators: "negative stock -3", "stock 'abc' is not a number"
 * @param fileBroken true when the file is not well-formed (XML/JSON syntax, truncated download, unreadable header)
 *                   and the caller must reject the whole file
 */
public record RowError(
        String fileName,
        long line,
        long ordinal,
        String key,
        String reason,
        boolean fileBroken) implements FeedRow {

    /** "acme.csv line 12: negative stock -3 (SKU ABC-1)" — the form sync records and logs use. */
    public String describe() {
        StringBuilder text = new StringBuilder(fileName);
        if (line > 0) {
            text.append(" line ").append(line);
        }
        if (ordinal > 0 && ordinal != line) {
            text.append(" (record ").append(ordinal).append(')');
        }
        text.append(": ").append(reason);
        if (key != null) {
            text.append(" [").append(key).append(']');
        }
        return text.toString();
    }
}
