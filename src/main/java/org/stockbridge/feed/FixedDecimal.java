package org.stockbridge.feed;

import java.math.BigDecimal;

/**
 * A decimal as {@code unscaled × 10^-scale} in a long, reused from row to row: prices on the hot path are parsed
 * and computed without allocating. Anything that does not fit (over 18 digits, an overflow) is left to BigDecimal.
 */
final class FixedDecimal {

    /** Parse results. */
    static final int OK = 1;
    static final int NOT_A_NUMBER = 0;
    static final int TOO_LONG = -1;

    private static final int MAX_DIGITS = 18;
    static final long[] POWERS_OF_TEN = new long[MAX_DIGITS + 1];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    long unscaled;
    int scale;

    /**
     * Reads {@code text} with the same rules as {@link FeedNumbers#decimal}: {@link #OK}, {@link #NOT_A_NUMBER},
     * or {@link #TOO_LONG} when it may be a number but needs BigDecimal.
     */
    int parse(String text, boolean decimalComma) {
        int length = text.length();
        boolean comma = decimalComma && text.indexOf(',') >= 0;
        boolean negative = false;
        boolean point = false;
        int digits = 0;
        int fraction = 0;
        long value = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits == MAX_DIGITS) {
                    return TOO_LONG;
                }
                value = value * 10 + (c - '0');
                if (value != 0 || point) {
                    digits++; // leading zeros of the integer part do not count
                }
                if (point) {
                    fraction++;
                }
            } else if ((c == '-' || c == '+') && i == 0) {
                negative = c == '-';
            } else if (c == ' ' || c == '\u00A0' || c == '\u202F' || (c == '.' && comma)) {
                return TOO_LONG; // grouping: rare, and FeedNumbers.decimal checks where it may stand
            } else if ((c == '.' && !comma) || (c == ',' && comma)) {
                if (point) {
                    return NOT_A_NUMBER;
                }
                point = true;
            } else {
                return NOT_A_NUMBER;
            }
        }
        if (digits == 0 && !hasDigit(text)) {
            return NOT_A_NUMBER;
        }
        unscaled = negative ? -value : value;
        scale = fraction;
        return OK;
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                return true;
            }
        }
        return false;
    }

    void set(BigDecimal value) {
        unscaled = value.unscaledValue().longValueExact();
        scale = value.scale();
    }

    /** Whether {@link #set} would be exact: 18 digits or fewer, scale 0–18. */
    static boolean fits(BigDecimal value) {
        return value.scale() >= 0 && value.scale() <= MAX_DIGITS && value.precision() <= MAX_DIGITS;
    }

    BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(unscaled, scale);
    }
}
