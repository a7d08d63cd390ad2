package org.stockbridge.feed;

import java.math.BigDecimal;

/**
 * Reads numbers the way wholesalers write them: {@code 12.50}, {@code 12,50} and {@code 1 234,50} with
 * {@code decimalComma}, stock as {@code 10+} or {@code >10}. Strict otherwise: no exponents, no currency signs, and in
 * decimal-point mode a comma is an error rather than a guess (reading "12,50" as 1250 would be a costly guess).
 */
final class FeedNumbers {

    private FeedNumbers() {
    }

    /**
     * A decimal number, or null if {@code text} is not one.
     *
     * <p>With {@code decimalComma}, the comma is the decimal mark and dots or spaces before it group thousands
     * ({@code 1.234,50}); a number with no comma is read with the dot as decimal mark, as exports mix both.
     */
    static BigDecimal decimal(String text, boolean decimalComma) {
        int length = text.length();
        char[] digits = new char[length];
        int count = 0;
        boolean comma = decimalComma && text.indexOf(',') >= 0;
        boolean point = false;
        boolean anyDigit = false;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits[count++] = c;
                anyDigit = true;
            } else if ((c == '-' || c == '+') && count == 0) {
                digits[count++] = c;
            } else if (c == ' ' || c == '\u00A0' || c == '\u202F') {
                if (!anyDigit || i == length - 1) {
                    return null; // spaces only group digits: "1 234"
                }
            } else if (c == '.' && comma) {
                if (!anyDigit || point) {
                    return null; // a grouping dot before the decimal comma: "1.234,50"
                }
            } else if ((c == '.' && !comma) || (c == ',' && comma)) {
                if (point) {
                    return null;
                }
                point = true;
                digits[count++] = '.';
            } else {
                return null;
            }
        }
        if (!anyDigit) {
            return null;
        }
        try {
            return new BigDecimal(digits, 0, count);
        } catch (NumberFormatException e) {
            return null; // e.g. "1." is fine for BigDecimal, "-." is not; anything odd is "not a number"
        }
    }

    /** Plain non-negative whole numbers of up to 9 digits, the usual stock cell, without allocating; else -1. */
    static int smallWholeNumber(String text) {
        int length = text.length();
        if (length == 0 || length > 9) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
