package org.stockbridge.hub;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The rows of a PostgreSQL {@code COPY ... TO STDOUT (FORMAT binary)}, read one at a time from its messages (the
 * caller ends the COPY): each field is a length and its bytes, so nothing is escaped and a number needs no parsing,
 * where a result set makes a byte array per column and a String or BigDecimal from each. Reads {@code bigint},
 * {@code integer}, {@code numeric} and text columns (the connection's client encoding is UTF-8, as the JDBC driver
 * sets it).
 * <p>
 * The rows are read straight from the messages the driver hands over (the server sends one per row), not through
 * an input stream: a buffered stream over the COPY refilled itself, and took its lock, for every few bytes of every
 * row, and that was most of the hub's share of reading a million links (docs/benchmarks.md). A row that a message
 * boundary splits is put together from the messages it spans.
 */
final class BinaryCopyRows implements ValueRow {

    /** The COPY's messages, in order; null after the last. */
    @FunctionalInterface
    interface Messages {
        byte[] next() throws SQLException;
    }

    private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] NONE = new byte[0];
    /** What {@link #row} returns when the messages read so far end inside the row. */
    private static final int SPLIT = -2;

    /** 10000 to the powers a long holds. */
    private static final long[] POWERS_OF_10000 = {1L, 10_000L, 100_000_000L, 1_000_000_000_000L, 10_000_000_000_000_000L};

    private final Messages messages;
    private byte[] data = NONE;
    /** Where the next row starts in {@link #data}, and where the bytes received so far end. */
    private int at;
    private int end;
    private int fields;
    private int[] start = new int[4];
    private int[] length = new int[4];

    BinaryCopyRows(Messages messages) throws SQLException {
        this.messages = messages;
        int header = SIGNATURE.length + 8;
        while (end - at < header) {
            receive();
        }
        if (!Arrays.equals(data, at, at + SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
            throw new SQLException("not a binary COPY stream");
        }
        // flags (bit 16, OIDs, is never asked for), then the header extension's length
        int extension = int4At(at + SIGNATURE.length + 4);
        while (end - at < header + extension) {
            receive();
        }
        at += header + extension;
    }

    /** Reads the next row; false after the last, once the COPY's messages are read to their end. */
    boolean next() throws SQLException {
        if (at == end) {
            byte[] message = messages.next();
            if (message == null) {
                throw new SQLException("the binary COPY ended without its trailer");
            }
            data = message;
            at = 0;
            end = message.length;
        }
        int count;
        while ((count = row(at)) == SPLIT) {
            receive();
        }
        if (count == -1) {
            // read on to the end of the COPY: closed while the driver still expects its end, it would cancel it
            boolean more = at < end;
            for (byte[] message = messages.next(); message != null; message = messages.next()) {
                more |= message.length > 0;
            }
            if (more) {
                throw new SQLException("data after the binary COPY's trailer");
            }
            return false;
        }
        return true;
    }

    /**
     * Reads the row starting at {@code from}: its field count (-1 for the trailer), or {@link #SPLIT} when the
     * bytes received so far end inside it. Moves {@link #at} past a row read whole.
     */
    private int row(int from) {
        if (end - from < 2) {
            return SPLIT;
        }
        int count = (short) ((data[from] & 0xFF) << 8 | data[from + 1] & 0xFF);
        int p = from + 2;
        if (count == -1) {
            at = p;
            return -1;
        }
        if (count > start.length) {
            start = new int[count];
            length = new int[count];
        }
        for (int i = 0; i < count; i++) {
            if (end - p < 4) {
                return SPLIT;
            }
            int size = int4At(p);
            p += 4;
            if (size > 0) {
                if (end - p < size) {
                    return SPLIT;
                }
                start[i] = p;
                p += size;
            }
            length[i] = size;
        }
        fields = count;
        at = p;
        return count;
    }

    /** Appends the next message to the bytes not read yet; a row split by messages is read from the joined bytes. */
    private void receive() throws SQLException {
        byte[] message = messages.next();
        if (message == null) {
            throw new SQLException("the binary COPY ended inside a row");
        }
        byte[] joined = Arrays.copyOfRange(data, at, end + message.length);
        System.arraycopy(message, 0, joined, end - at, message.length);
        end -= at;
        at = 0;
        data = joined;
        end += message.length;
    }

    private int int4At(int p) {
        return (data[p] & 0xFF) << 24 | (data[p + 1] & 0xFF) << 16 | (data[p + 2] & 0xFF) << 8 | data[p + 3] & 0xFF;
    }

    /** A {@code bigint} field. */
    @Override
    public long int8(int i) throws SQLException {
        return bigEndian(i, 8);
    }

    /** An {@code integer} field. */
    @Override
    public int int4(int i) throws SQLException {
        return (int) bigEndian(i, 4);
    }

    private long bigEndian(int i, int size) throws SQLException {
        if (field(i) != size) {
            throw new SQLException("field " + i + " of a binary COPY row has " + length[i] + " bytes, not " + size);
        }
        long value = 0;
        for (int b = start[i]; b < start[i] + size; b++) {
            value = value << 8 | (data[b] & 0xFF);
        }
        return value;
    }

    /**
     * A {@code numeric} field in ten-thousandths. PostgreSQL sends a numeric as its count of base-10000 digits,
     * the weight of the first (its power of 10000), a sign and the display scale, then the digits, most
     * significant first: a value of at most 4 decimals is the digits' sum, each times 10000 to the power of its
     * weight + 1.
     */
    @Override
    public long price(int i) throws SQLException {
        if (field(i) < 0) {
            return LinkedValues.NO_PRICE;
        }
        if (length[i] < 8) {
            throw new SQLException("field " + i + " of a binary COPY row is not a numeric");
        }
        int at = start[i];
        int digits = int2(at);
        int weight = int2(at + 2);
        int sign = int2(at + 4) & 0xFFFF;
        if (length[i] != 8 + 2 * digits) {
            throw new SQLException("field " + i + " of a binary COPY row is not a numeric");
        }
        if (sign != 0) {
            return LinkedValues.NO_PRICE; // negative or NaN: not a hub price
        }
        long value = 0;
        for (int d = 0; d < digits; d++) {
            int power = weight + 1 - d;
            int digit = int2(at + 8 + 2 * d);
            if (digit == 0) {
                continue;
            }
            if (power < 0 || power >= POWERS_OF_10000.length) {
                return LinkedValues.NO_PRICE; // more than 4 decimals, or too large for a long
            }
            try {
                value = Math.addExact(value, Math.multiplyExact(POWERS_OF_10000[power], (long) digit));
            } catch (ArithmeticException tooLarge) {
                return LinkedValues.NO_PRICE;
            }
        }
        return value;
    }

    private int int2(int at) {
        return (short) ((data[at] & 0xFF) << 8 | data[at + 1] & 0xFF);
    }

    /** A text field, or null. */
    @Override
    public String text(int i) {
        return field(i) < 0 ? null : new String(data, start[i], length[i], StandardCharsets.UTF_8);
    }

    private int field(int i) {
        if (i >= fields) {
            throw new IndexOutOfBoundsException("field " + i + " of a row of " + fields);
        }
        return length[i];
    }
}
