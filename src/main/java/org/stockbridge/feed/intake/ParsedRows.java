package org.stockbridge.feed.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.stockbridge.feed.FeedRow;
import org.stockbridge.feed.ProductRow;
import org.stockbridge.feed.RowError;

/**
 * A feed's rows as the validation read them, kept in a file beside the staged feed for the apply pass: the apply
 * pass reads back what the validation parsed (a length-prefixed binary record per row) instead of parsing the feed
 * a second time. Parsing was most of the apply pass's time (CSV: 41 of its 74 samples on the 1M-row benchmark;
 * XML and JSON cost more), and the file is read from the page cache the validation just wrote it to. Rows are
 * streamed both ways in chunks of {@value #CHUNK} bytes, so the heap does not grow with the file.
 * <p>
 * Kept: every product row, and the key of a bad row (a full feed leaves that product's stock alone). A bad row's
 * reason is not kept: the validation reported it already.
 */
final class ParsedRows {

    private static final int CHUNK = 1 << 20;
    /** The longest value {@link Writer#ascii} writes without encoding it first: always fits an empty chunk. */
    private static final int ASCII_AT_ONCE = 4096;
    private static final byte PRODUCT = 1;
    private static final byte BAD_ROW = 2;
    /** A price's scale when its unscaled value does not fit a long: the value follows as text. */
    private static final int LARGE = Integer.MIN_VALUE;

    private ParsedRows() {
    }

    /** The file the rows of {@code staged} are kept in while it is ingested. */
    static Path beside(Path staged) {
        return staged.resolveSibling(staged.getFileName() + ".rows");
    }

    /** Writes rows one after another; {@link #close} flushes them. */
    static final class Writer implements AutoCloseable {

        private final OutputStream out;
        private final byte[] chunk = new byte[CHUNK];
        private int at;

        Writer(Path file) {
            try {
                this.out = Files.newOutputStream(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot keep the parsed rows in " + file, e);
            }
        }

        void write(FeedRow row) {
            if (row instanceof ProductRow product) {
                int8(PRODUCT);
                int64(product.line());
                int64(product.ordinal());
                text(product.key());
                text(product.sku());
                text(product.ean());
                text(product.name());
                int8(product.stock() == null ? 0 : 1);
                int32(product.stock() == null ? 0 : product.stock());
                price(product.grossPrice());
                text(product.warehouse());
            } else if (row.key() != null) {
                int8(BAD_ROW);
                int64(row.line());
                int64(row.ordinal());
                text(row.key());
            }
        }

        private void price(BigDecimal price) {
            if (price == null) {
                int8(0);
                return;
            }
            int8(1);
            BigInteger unscaled = price.unscaledValue();
            if (unscaled.bitLength() < 64) {
                int32(price.scale());
                int64(unscaled.longValue());
            } else {
                int32(LARGE);
                text(price.toString());
            }
        }

        private void text(String value) {
            if (value == null) {
                int32(-1);
                return;
            }
            if (value.length() <= ASCII_AT_ONCE && ascii(value)) {
                return;
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            int32(bytes.length);
            room(bytes.length);
            if (bytes.length > chunk.length) {
                write(bytes, bytes.length); // longer than a chunk: room() has just flushed the chunk
                return;
            }
            System.arraycopy(bytes, 0, chunk, at, bytes.length);
            at += bytes.length;
        }

        /**
         * Writes an ASCII value straight into the chunk (its UTF-8 bytes are its chars) and returns true; returns
         * false, having written nothing, at the first other char. Most values of a feed are ASCII, and encoding
         * each one to a new array first made this pass allocate about as much as the parse itself.
         */
        private boolean ascii(String value) {
            int length = value.length();
            room(4 + length);
            int start = at + 4;
            for (int i = 0; i < length; i++) {
                char c = value.charAt(i);
                if (c >= 0x80) {
                    return false;
                }
                chunk[start + i] = (byte) c;
            }
            int32(length);
            at += length;
            return true;
        }

        private void int8(int value) {
            room(1);
            chunk[at++] = (byte) value;
        }

        private void int32(int value) {
            bigEndian(value, 4);
        }

        private void int64(long value) {
            bigEndian(value, 8);
        }

        private void bigEndian(long value, int bytes) {
            room(bytes);
            for (int shift = 8 * (bytes - 1); shift >= 0; shift -= 8) {
                chunk[at++] = (byte) (value >>> shift);
            }
        }

        private void room(int bytes) {
            if (at + bytes > chunk.length) {
                flush();
            }
        }

        private void flush() {
            write(chunk, at);
            at = 0;
        }

        private void write(byte[] bytes, int length) {
            try {
                out.write(bytes, 0, length);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot keep the parsed rows", e);
            }
        }

        @Override
        public void close() {
            try (out) {
                flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot keep the parsed rows", e);
            }
        }
    }

    /** Reads the rows back in the order they were written, as rows of {@code fileName}. */
    static final class Reader implements AutoCloseable {

        private final InputStream in;
        private final String fileName;
        private byte[] chunk = new byte[CHUNK];
        private int at;
        private int end;

        Reader(Path file, String fileName) {
            this.fileName = fileName;
            try {
                this.in = Files.newInputStream(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the parsed rows in " + file, e);
            }
        }

        /** The next row, or null after the last. */
        FeedRow next() {
            if (!available(1)) {
                return null;
            }
            byte kind = chunk[at++];
            long line = int64();
            long ordinal = int64();
            String key = text();
            if (kind == BAD_ROW) {
                return new RowError(fileName, line, ordinal, key, "", false);
            }
            String sku = text();
            String ean = text();
            String name = text();
            boolean hasStock = int8() != 0;
            int stock = int32();
            BigDecimal price = price();
            return new ProductRow(fileName, line, ordinal, key, sku, ean, name, hasStock ? stock : null, price, text());
        }

        private BigDecimal price() {
            if (int8() == 0) {
                return null;
            }
            int scale = int32();
            return scale == LARGE ? new BigDecimal(text()) : BigDecimal.valueOf(int64(), scale);
        }

        private String text() {
            int length = int32();
            if (length < 0) {
                return null;
            }
            need(length);
            String text = new String(chunk, at, length, StandardCharsets.UTF_8);
            at += length;
            return text;
        }

        private int int8() {
            need(1);
            return chunk[at++];
        }

        private int int32() {
            return (int) bigEndian(4);
        }

        private long int64() {
            return bigEndian(8);
        }

        private long bigEndian(int bytes) {
            need(bytes);
            long value = 0;
            for (int i = 0; i < bytes; i++) {
                value = value << 8 | chunk[at++] & 0xFF;
            }
            return value;
        }

        private void need(int bytes) {
            if (!available(bytes)) {
                throw new IllegalStateException("the parsed rows of " + fileName + " end inside a row");
            }
        }

        /** Whether {@code bytes} more bytes are there, reading on (and growing the chunk for a longer value). */
        private boolean available(int bytes) {
            if (end - at >= bytes) {
                return true;
            }
            if (bytes > chunk.length) {
                chunk = Arrays.copyOf(chunk, bytes);
            }
            System.arraycopy(chunk, at, chunk, 0, end - at);
            end -= at;
            at = 0;
            try {
                for (int read; end < bytes && (read = in.read(chunk, end, chunk.length - end)) >= 0; ) {
                    end += read;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the parsed rows of " + fileName, e);
            }
            return end - at >= bytes;
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the parsed rows of " + fileName, e);
            }
        }
    }
}
