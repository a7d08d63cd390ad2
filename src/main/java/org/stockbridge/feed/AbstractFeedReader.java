package org.stockbridge.feed;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;

/**
 * The iterator bookkeeping every format shares: one record of look-ahead, counts, and the rule that a broken file
 * yields exactly one broken-file error and then ends.
 */
abstract class AbstractFeedReader implements FeedReader {

    protected final String fileName;
    protected final FeedMapping mapping;
    private final Closeable input;
    private FeedRow next;
    private boolean finished;
    private boolean broken;
    private long productRows;
    private long rowErrors;

    AbstractFeedReader(String fileName, FeedMapping mapping, Closeable input) {
        this.fileName = fileName;
        this.mapping = mapping;
        this.input = input;
    }

    /**
     * The next result, or null at the end of the file. Throws {@link BrokenFileException} when the file cannot be
     * used; any other exception (a parser's syntax error, an I/O failure) goes through {@link #describeFailure}.
     */
    protected abstract FeedRow readNext() throws Exception;

    /** Says where and why the file could not be read further, for the broken-file error. */
    protected abstract RowError describeFailure(Exception failure);

    @Override
    public final boolean hasNext() {
        if (next == null && !finished) {
            next = fetch();
        }
        return next != null;
    }

    @Override
    public final FeedRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException(fileName + ": no more rows");
        }
        FeedRow row = next;
        next = null;
        return row;
    }

    private FeedRow fetch() {
        FeedRow row;
        try {
            row = readNext();
        } catch (BrokenFileException failure) {
            row = brokenAt(failure.line, failure.ordinal, failure.getMessage());
            broken = true;
        } catch (Exception failure) {
            row = describeFailure(failure);
            broken = true;
        }
        if (row == null || broken) {
            finished = true;
        }
        if (row instanceof ProductRow) {
            productRows++;
        } else if (row != null) {
            rowErrors++;
        }
        return row;
    }

    /** The broken-file error for a position. */
    protected RowError brokenAt(long line, long ordinal, String reason) {
        return new RowError(fileName, line, ordinal, null, reason, true);
    }

    @Override
    public final boolean isBroken() {
        return broken;
    }

    @Override
    public final long productRows() {
        return productRows;
    }

    @Override
    public final long rowErrors() {
        return rowErrors;
    }

    @Override
    public void close() {
        finished = true;
        try {
            input.close();
        } catch (IOException e) {
            // Nothing was written; a failing close of a read stream loses nothing the caller could act on.
        }
    }

    /**
     * Decodes with U+FFFD for bytes the charset cannot map, instead of failing the file: the row holding such a byte
     * is reported ({@link RowMapper}), the rest of the file is still usable.
     */
    static Reader replacingReader(InputStream in, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8)) {
            skipUtf8Bom(in);
        }
        Reader singleByte = SingleByteReader.of(in, charset);
        if (singleByte != null) {
            return singleByte;
        }
        return new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    /** Excel and Windows tools start UTF-8 files with EF BB BF; it is not part of the first field or element. */
    private static void skipUtf8Bom(InputStream in) {
        if (!in.markSupported()) {
            return;
        }
        try {
            in.mark(3);
            if (in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF) {
                return;
            }
            in.reset();
        } catch (IOException e) {
            // the reader will hit the same failure on its first read and report it as a broken file
        }
    }
}
