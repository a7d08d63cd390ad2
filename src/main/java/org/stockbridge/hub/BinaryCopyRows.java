package org.stockbridge.hub;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The rows of a PostgreSQL {@code COPY ... TO STDOUT (FORMAT binary)}, read one at a time from the stream (which
 * the caller closes): each field is a length and its bytes, so nothing is escaped and a number needs no parsing,
 * where a result set makes a byte array per column and a String or BigDecimal from each. Reads {@code bigint},
 * {@code integer}, {@code numeric} and text columns (the connection's client encoding is UTF-8, as the JDBC driver
 * sets it).
 */
final class BinaryCopyRows implements ValueRow {

    private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);

    /** 10000 to the powers a long holds. */
    private static final long[] POWERS_OF_10000 = {1L, 10_000L, 100_000_000L, 1_000_000_000_000L, 10_000_000_000_000_000L};

    private final DataInputStream in;
    private int fields;
    private int[] start = new int[4];
    private int[] length = new int[4];
    private byte[] data = new byte[256];

    BinaryCopyRows(InputStream copyOut) throws IOException {
        this.in = new DataInputStream(new BufferedInputStream(copyOut, 1 << 16));
        byte[] signature = new byte[SIGNATURE.length];
        in.readFully(signature);
        if (!Arrays.equals(signature, SIGNATURE)) {
            throw new IOException("not a binary COPY stream");
        }
        in.readInt(); // flags: bit 16 (OIDs) is never asked for
        in.skipNBytes(in.readInt()); // header extension
    }

    /** Reads the next row; false after the last. */
    boolean next() throws IOException {
        int count = in.readShort();
        if (count == -1) {
            // read on to the end of the COPY: closed while the driver still expects its end, it would cancel it
            if (in.read() != -1) {
                throw new IOException("data after the binary COPY's trailer");
            }
            return false;
        }
        if (count > start.length) {
            start = new int[count];
            length = new int[count];
        }
        fields = count;
        int end = 0;
        for (int i = 0; i < count; i++) {
            int size = in.readInt();
            start[i] = end;
            length[i] = size;
            if (size > 0) {
                if (end + size > data.length) {
                    data = Arrays.copyOf(data, Math.max(data.length * 2, end + size));
                }
                in.readFully(data, end, size);
                end += size;
            }
        }
        return true;
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
