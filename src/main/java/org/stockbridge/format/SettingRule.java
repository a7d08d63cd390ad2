package org.stockbridge.format;

import java.net.URI;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A check on a setting's typed value, with the words that describe it in docs/formats.md and in errors
 * ({@code must be between 1 and 100}).
 *
 * @param description what a valid value looks like, phrased to follow "must"
 * @param test        true for a valid typed value
 */
public record SettingRule(String description, Predicate<Object> test) {

    public static SettingRule between(long min, long max) {
        return new SettingRule("be between " + min + " and " + max,
                value -> value instanceof Long n && n >= min && n <= max);
    }

    public static SettingRule atLeast(long min) {
        return new SettingRule("be at least " + min, value -> value instanceof Long n && n >= min);
    }

    public static SettingRule matching(String regex, String example) {
        Pattern pattern = Pattern.compile(regex);
        return new SettingRule("look like " + example,
                value -> value instanceof String s && pattern.matcher(s).matches());
    }

    /**
     * HTTPS, or plain HTTP to this machine only: shop credentials travel in headers, and test stand-ins
     * (WireMock) listen on {@code http://localhost}.
     */
    public static SettingRule httpsOrLocal() {
        return new SettingRule("use https (plain http only for localhost)", value -> {
            URI uri = (URI) value;
            String host = uri.getHost().toLowerCase(Locale.ROOT);
            return "https".equalsIgnoreCase(uri.getScheme())
                    || host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
        });
    }

    boolean accepts(Object value) {
        return test.test(value);
    }
}
