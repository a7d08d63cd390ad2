package org.stockbridge.feed;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads a feed file record by record through its {@link FeedMapping}, holding one record at a time: a 1M-row file
 * needs no more heap than a 10-row one.
 *
 * <p>Each {@link #next()} is a {@link ProductRow} or a {@link RowError}. A bad row does not stop the file; a file that
 * is not well-formed (XML/JSON syntax, a header without the mapped columns, a read failure) ends with one
 * {@link RowError#fileBroken() fileBroken} error and {@link #isBroken()} turns true: reject the whole file then.
 *
 * <pre>{@code
 * try (FeedReader feed = FeedReader.open(in, "acme-2026-11-23.csv", mapping)) {
 *     while (feed.hasNext()) {
 *         FeedRow row = feed.next();
 *         if (row instanceof ProductRow product) { ... } else { ... (RowError) row ... }
 *     }
 *     if (feed.isBroken() || mapping.tooManyBadRows(feed.productRows(), feed.rowErrors())) { reject the file }
 * }
 * }</pre>
 *
 * Not thread-safe; closing it closes the stream.
 */
public interface FeedReader extends Iterator<FeedRow>, Closeable {

    /**
     * Opens a feed for reading. Nothing is read yet, so this does not fail on file content.
     *
     * @param in       the feed's bytes; closed by {@link #close()}
     * @param fileName the name errors and rows carry ({@code acme-2026-11-23.csv})
     */
    static FeedReader open(InputStream in, String fileName, FeedMapping mapping) {
        InputStream buffered = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 1 << 16);
        return switch (mapping.format()) {
            case CSV -> new CsvFeedReader(buffered, fileName, mapping);
            case XML -> new XmlFeedReader(buffered, fileName, mapping);
            case JSON -> new JsonFeedReader(buffered, fileName, mapping);
        };
    }

    /** Opens a feed file; rows carry its file name. */
    static FeedReader open(Path file, FeedMapping mapping) throws IOException {
        return open(Files.newInputStream(file), file.getFileName().toString(), mapping);
    }

    /** True once the file turned out to be not well-formed; the last result was then a broken-file RowError. */
    boolean isBroken();

    /** Product rows returned so far. */
    long productRows();

    /** Row errors returned so far (including a broken-file error). */
    long rowErrors();

    /** The remaining results as a sequential stream; closing the stream closes this reader. */
    default Stream<FeedRow> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this,
                        Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(this::close);
    }

    /** Closes the underlying stream; never throws (a feed being read has nothing left to flush). */
    @Override
    void close();
}
