package org.stockbridge.hub;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * One change the hub received ({@code in}) or sent ({@code out}): when, which connection ({@code null} for the
 * admin API), SKU, field (e.g. {@code stock[main]}, {@code price[retail-pln]}), old and new value, why, and the result.
 */
public record SyncRecord(
        long id,
        Instant time,
        String direction,
        String connection,
        String sku,
        String field,
        String oldValue,
        String newValue,
        String reason,
        String result,
        String requestId,
        Long ruleId) {

    public static final String IN = "in";
    public static final String OUT = "out";
    public static final String OK = "ok";
    public static final String ERROR = "error";

    public static SyncRecord received(String connection, String sku, String field, Object oldValue, Object newValue,
            String reason, Instant time) {
        return new SyncRecord(0, time, IN, connection, sku, field, text(oldValue), text(newValue), reason, OK, null, null);
    }

    /** A received row the hub could not use: {@code reason} says where and why ("acme.csv line 12: negative stock -3"). */
    public static SyncRecord refused(String connection, String sku, String field, String reason, Instant time) {
        return new SyncRecord(0, time, IN, connection, sku == null ? "" : sku, field, null, null, reason, ERROR, null, null);
    }

    private static String text(Object value) {
        if (value instanceof BigDecimal amount) {
            // 12.5000 as stored reads 12.50; 0.1234 keeps its four decimals
            return amount.setScale(Math.max(2, amount.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY).toPlainString();
        }
        return value == null ? null : value.toString();
    }
}
