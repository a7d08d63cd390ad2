package org.stockbridge.feed;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * FastCSV callback that keeps only the columns the mapping uses: FastCSV hands over every field as a slice of its
 * buffer, and we turn into a String only the few cells we need, not all twelve (or fifty) columns of a wholesaler
 * export. This is the hot path of a feed import.
 *
 * <p>Before {@link #keepColumns} is called it is in header mode and keeps every cell of the record.
 */
final class CsvCells extends AbstractBaseCsvCallbackHandler<String[]> {

    private boolean headerMode = true;
    private final List<String> header = new ArrayList<>();
    private boolean[] keep = new boolean[0];
    private String[] cells = new String[0];
    private boolean anyContent;
    private boolean quotedFieldEndsWithLineBreak;

    /** Leaves header mode: from now on only these 0-based columns are kept. */
    void keepColumns(boolean[] columns) {
        headerMode = false;
        keep = columns.clone();
        cells = new String[columns.length];
    }

    /** The cells of the last header-mode record. */
    List<String> header() {
        return header;
    }

    /** 1-based line where the last record started. */
    long line() {
        return getStartingLineNumber();
    }

    /** Number of fields of the last record. */
    int fieldCount() {
        return getFieldCount();
    }

    /**
     * Whether the last record had a quoted field ending in a line break. For the file's last record that means the
     * file ended inside quotes: a quote was never closed and the rows after it were swallowed into one field (a
     * closed field's line break is the record's end, not part of the field).
     */
    boolean lastRecordEndedInsideQuotes() {
        return quotedFieldEndsWithLineBreak;
    }

    @Override
    protected void handleBegin(long startingLineNumber) {
        anyContent = false;
        quotedFieldEndsWithLineBreak = false;
        if (headerMode) {
            header.clear();
        } else {
            Arrays.fill(cells, null);
        }
    }

    @Override
    protected void handleField(int fieldIdx, char[] buf, int offset, int len, boolean quoted) {
        if (len > 0) {
            anyContent = true;
            if (quoted && (buf[offset + len - 1] == '\n' || buf[offset + len - 1] == '\r')) {
                quotedFieldEndsWithLineBreak = true;
            }
        }
        if (headerMode) {
            header.add(new String(buf, offset, len));
        } else if (fieldIdx < keep.length && keep[fieldIdx]) {
            cells[fieldIdx] = new String(buf, offset, len);
        }
    }

    /** Null for a line of only separators (";;;;", common at the end of spreadsheet exports) so FastCSV skips it. */
    @Override
    protected String[] buildRecord() {
        return anyContent ? cells : null;
    }
}
