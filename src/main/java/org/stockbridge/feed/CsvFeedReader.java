package org.stockbridge.feed;

import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads CSV feeds with FastCSV, keeping only the mapped columns (see {@link CsvCells}).
 *
 * <p>FastCSV's strict parser is used on purpose: characters after a closing quote ({@code "x"y}) make the file
 * broken rather than silently merging rows, which is what an unclosed quote earlier in the file usually looks like.
 * FastCSV cannot resume after such an error, so it ends the file (with its line).
 */
final class CsvFeedReader extends AbstractFeedReader {

    private static final int MAX_HEADER_NAMES_SHOWN = 40;

    private final CsvCells cells = new CsvCells();
    private final CsvReader<String[]> csv;
    private final RawRecord record = new RawRecord();
    private Iterator<String[]> records;
    private RowMapper rowMapper;
    /** 0-based column of each mapped field, by {@link FeedField} ordinal; -1 if not mapped. */
    private final int[] columnOf = new int[FeedField.count()];
    private String[] labels;
    private int columnsNeeded;
    private long ordinal;

    CsvFeedReader(InputStream in, String fileName, FeedMapping mapping) {
        super(fileName, mapping, in);
        CsvLayout layout = mapping.csv();
        this.csv = CsvReader.builder()
                .fieldSeparator(layout.separator())
                .quoteCharacter(layout.quote())
                .commentStrategy(CommentStrategy.NONE)
                .skipEmptyLines(true)
                // Short and long rows are judged per row by us (a short row is a RowError), not by FastCSV for the file.
                .allowExtraFields(true)
                .allowMissingFields(true)
                .build(cells, replacingReader(in, mapping.encoding()));
    }

    @Override
    protected FeedRow readNext() throws BrokenFileException {
        if (records == null) {
            start();
        }
        if (!records.hasNext()) {
            if (ordinal > 0 && cells.lastRecordEndedInsideQuotes()) {
                throw new BrokenFileException(cells.line(), ordinal, "the quoted field starting on line "
                        + cells.line() + " is never closed: the rest of the file was read as one field");
            }
            return null;
        }
        String[] row = records.next();
        record.reset(cells.line(), ++ordinal);
        int fieldCount = cells.fieldCount();
        for (int field = 0; field < columnOf.length; field++) {
            int column = columnOf[field];
            if (column >= 0) {
                record.values[field] = row[column];
                if (column >= fieldCount && record.problem == null) {
                    record.problem = "row has " + fieldCount + (fieldCount == 1 ? " column" : " columns")
                            + ", so " + labels[field] + " is missing";
                }
            }
        }
        return rowMapper.map(record);
    }

    private void start() throws BrokenFileException {
        CsvLayout layout = mapping.csv();
        if (layout.skipLines() > 0) {
            csv.skipLines(layout.skipLines());
        }
        records = csv.iterator();
        List<String> header = null;
        if (layout.header()) {
            if (!records.hasNext()) {
                throw new BrokenFileException(0, 0, "the file is empty: no header line");
            }
            records.next();
            header = cells.header().stream().map(String::trim).toList();
        }
        resolveColumns(header);
    }

    /** Finds each mapped field's column, by header name (ignoring case and surrounding spaces) or by position. */
    private void resolveColumns(List<String> header) throws BrokenFileException {
        labels = new String[FeedField.count()];
        Arrays.fill(columnOf, -1);
        for (Map.Entry<FeedField, FieldRef> entry : mapping.fields().entrySet()) {
            FeedField field = entry.getKey();
            FieldRef ref = entry.getValue();
            int column;
            if (ref.isPosition()) {
                column = ref.position() - 1;
                labels[field.ordinal()] = header != null && column < header.size() && !header.get(column).isEmpty()
                        ? "column " + ref.position() + " ('" + header.get(column) + "')"
                        : "column " + ref.position();
            } else {
                column = indexOf(header, ref.path());
                if (column < 0) {
                    throw new BrokenFileException(cells.line(), 0, "the header has no column '" + ref.path()
                            + "' (fields." + field.key() + "); its columns are: " + shown(header));
                }
                labels[field.ordinal()] = "column '" + header.get(column) + "'";
            }
            columnOf[field.ordinal()] = column;
            columnsNeeded = Math.max(columnsNeeded, column + 1);
        }
        boolean[] keep = new boolean[columnsNeeded];
        for (int column : columnOf) {
            if (column >= 0) {
                keep[column] = true;
            }
        }
        cells.keepColumns(keep);
        rowMapper = new RowMapper(mapping, fileName, labels, mapping.encoding().name());
    }

    private static int indexOf(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String shown(List<String> header) {
        List<String> names = header.size() > MAX_HEADER_NAMES_SHOWN ? header.subList(0, MAX_HEADER_NAMES_SHOWN) : header;
        String list = names.stream().map(n -> "'" + n + "'").reduce((a, b) -> a + ", " + b).orElse("(none)");
        return header.size() > MAX_HEADER_NAMES_SHOWN ? list + ", ..." : list;
    }

    @Override
    protected RowError describeFailure(Exception failure) {
        long line = cells.line();
        if (failure instanceof CsvParseException && failure.getCause() != null) {
            return brokenAt(line, ordinal + 1, "CSV cannot be parsed: " + failure.getCause().getMessage());
        }
        if (failure instanceof UncheckedIOException io) {
            return brokenAt(line, ordinal + 1, "reading the file failed: " + io.getCause());
        }
        return brokenAt(line, ordinal + 1, "CSV cannot be read: " + failure);
    }
}
