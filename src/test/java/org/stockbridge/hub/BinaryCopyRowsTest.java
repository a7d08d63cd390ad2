package org.stockbridge.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * {@link BinaryCopyRows} against streams in PostgreSQL's binary COPY format, written here the way the server writes
 * them (a numeric as base-10000 digits, trailing zero digits left out, zero as no digits at all), so the decoding
 * is checked on H2 builds too. The PostgreSQL suite reads the same scans from the real server (LinkedValuesTest),
 * which sends a message per row; here the bytes come in messages cut at random places, so rows, fields and the
 * header split over messages are read too.
 */
class BinaryCopyRowsTest {

    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

    @Test
    void readsBigintIntegerTextAndNullFieldsRowByRow() throws Exception {
        BinaryCopyRows rows = rows(copy(
                new Object[] {Long.MIN_VALUE, -7, "Zażółć gęślą jaźń"},
                new Object[] {42L, Integer.MAX_VALUE, null}));

        assertThat(rows.next()).isTrue();
        assertThat(rows.int8(0)).isEqualTo(Long.MIN_VALUE);
        assertThat(rows.int4(1)).isEqualTo(-7);
        assertThat(rows.text(2)).isEqualTo("Zażółć gęślą jaźń");
        assertThat(rows.next()).isTrue();
        assertThat(rows.int8(0)).isEqualTo(42L);
        assertThat(rows.int4(1)).isEqualTo(Integer.MAX_VALUE);
        assertThat(rows.text(2)).isNull();
        assertThat(rows.next()).isFalse();
    }

    @Test
    void aFieldOfAnotherSizeThanAskedIsRefused() throws Exception {
        BinaryCopyRows rows = rows(copy(new Object[] {7}));
        assertThat(rows.next()).isTrue();
        assertThatThrownBy(() -> rows.int8(0)).isInstanceOf(SQLException.class).hasMessageContaining("4 bytes, not 8");
    }

    @Test
    void numericsBecomeTheHubsPricesExactlyAsFromABigDecimal() throws Exception {
        List<BigDecimal> prices = new ArrayList<>();
        for (String price : List.of("0", "0.0000", "0.0001", "0.5", "1", "12.5", "9999.9999", "10000", "10000.0001",
                "100000000.0001", "1000000000000", "123456789012.3456", "999999999999.9999", "922337203685477.5807",
                "922337203685477.5808", "999999999999999.9999", "1.00001", "1.000000", "3.141592", "-1", "-0.0001",
                "12345678901234567890", "1E+3", "1E-20")) {
            prices.add(new BigDecimal(price));
        }
        Random random = new Random(20261124);
        for (int i = 0; i < 20_000; i++) {
            prices.add(new BigDecimal(new BigInteger(1 + random.nextInt(64), random), random.nextInt(7)));
        }
        BinaryCopyRows rows = rows(copy(prices.stream().map(p -> new Object[] {p}).toArray(Object[][]::new)));

        for (BigDecimal price : prices) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.price(0)).as(price.toPlainString()).isEqualTo(LinkedValues.priceValue(price));
        }
        assertThat(rows.next()).isFalse();
    }

    @Test
    void aNullOrNotANumberIsNoPrice() throws Exception {
        BinaryCopyRows rows = rows(copy(new Object[] {null}, new Object[] {Double.NaN}));
        assertThat(rows.next()).isTrue();
        assertThat(rows.price(0)).isEqualTo(LinkedValues.NO_PRICE);
        assertThat(rows.next()).isTrue();
        assertThat(rows.price(0)).isEqualTo(LinkedValues.NO_PRICE);
    }

    @Test
    void aCopyThatEndsInsideARowOrWithoutItsTrailerIsRefused() throws Exception {
        byte[] whole = copy(new Object[] {42L, "text"});
        BinaryCopyRows cut = rows(Arrays.copyOf(whole, whole.length - 4));
        assertThatThrownBy(cut::next).isInstanceOf(SQLException.class).hasMessageContaining("ended inside a row");
        BinaryCopyRows noTrailer = rows(Arrays.copyOf(whole, whole.length - 2));
        assertThat(noTrailer.next()).isTrue();
        assertThatThrownBy(noTrailer::next).isInstanceOf(SQLException.class).hasMessageContaining("without its trailer");
    }

    @Test
    void dataAfterTheTrailerIsRefused() throws Exception {
        byte[] whole = copy(new Object[] {1L});
        BinaryCopyRows rows = rows(Arrays.copyOf(whole, whole.length + 3));
        assertThat(rows.next()).isTrue();
        assertThatThrownBy(rows::next).isInstanceOf(SQLException.class).hasMessageContaining("after the binary COPY's trailer");
    }

    /** The rows of these bytes, handed over in messages of 1 to 40 bytes (the same cuts in every run). */
    private static BinaryCopyRows rows(byte[] copy) throws SQLException {
        Random random = new Random(copy.length);
        Deque<byte[]> messages = new ArrayDeque<>();
        for (int at = 0; at < copy.length; ) {
            int next = Math.min(copy.length, at + 1 + random.nextInt(40));
            messages.add(Arrays.copyOfRange(copy, at, next));
            at = next;
        }
        return new BinaryCopyRows(messages::poll);
    }

    /** A binary COPY stream of these rows: Long bigint, Integer integer, String text, BigDecimal or NaN numeric. */
    private static byte[] copy(Object[]... rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write("PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1));
        out.writeInt(0);
        out.writeInt(0);
        for (Object[] row : rows) {
            out.writeShort(row.length);
            for (Object field : row) {
                byte[] value = field(field);
                out.writeInt(value == null ? -1 : value.length);
                if (value != null) {
                    out.write(value);
                }
            }
        }
        out.writeShort(-1);
        return bytes.toByteArray();
    }

    private static byte[] field(Object field) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        if (field == null) {
            return null;
        } else if (field instanceof Long l) {
            out.writeLong(l);
        } else if (field instanceof Integer i) {
            out.writeInt(i);
        } else if (field instanceof String s) {
            out.write(s.getBytes(StandardCharsets.UTF_8));
        } else if (field instanceof Double) {
            out.writeShort(0);
            out.writeShort(0);
            out.writeShort(0xC000); // NaN
            out.writeShort(0);
        } else {
            numeric(out, (BigDecimal) field);
        }
        return bytes.toByteArray();
    }

    /** As PostgreSQL's numeric_send: base-10000 digits around the decimal point, most significant first. */
    private static void numeric(DataOutputStream out, BigDecimal value) throws IOException {
        BigDecimal abs = value.abs();
        int scale = Math.max(0, abs.scale());
        int fractionDigits = (scale + 3) / 4;
        BigInteger all = abs.movePointRight(4 * fractionDigits).toBigIntegerExact();
        List<Integer> digits = new ArrayList<>(); // least significant first
        while (all.signum() > 0) {
            BigInteger[] divided = all.divideAndRemainder(TEN_THOUSAND);
            digits.add(divided[1].intValue());
            all = divided[0];
        }
        int weight = digits.size() - fractionDigits - 1;
        int trailingZeros = 0;
        while (trailingZeros < digits.size() && digits.get(trailingZeros) == 0) {
            trailingZeros++;
        }
        List<Integer> sent = digits.subList(trailingZeros, digits.size());
        out.writeShort(sent.size());
        out.writeShort(sent.isEmpty() ? 0 : weight);
        out.writeShort(value.signum() < 0 ? 0x4000 : 0);
        out.writeShort(scale);
        for (int i = sent.size() - 1; i >= 0; i--) {
            out.writeShort(sent.get(i));
        }
    }
}
