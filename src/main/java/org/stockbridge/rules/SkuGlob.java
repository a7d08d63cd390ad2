package org.stockbridge.rules;

import java.util.Optional;

/**
 * A SKU pattern with exactly two wildcards: {@code *} (any run of characters, also none) and {@code ?}
 * (exactly one character). Every other character matches itself, case-sensitively, like SKUs elsewhere in the hub.
 *
 * <p>Hand-written instead of a regex so that a seller's pattern can never be a regex (no escaping surprises, no
 * catastrophic backtracking) and matching stays O(pattern × SKU) in the worst case.
 */
final class SkuGlob {

    /** Characters other glob dialects treat as syntax; refused so nobody expects {@code [A-Z]} or {@code {a,b}} to work. */
    private static final String RESERVED = "[]{}\\";

    private final String pattern;

    private SkuGlob(String pattern) {
        this.pattern = pattern;
    }

    /** @throws IllegalArgumentException with the reason when {@link #problemWith} finds one */
    static SkuGlob compile(String pattern) {
        problemWith(pattern).ifPresent(reason -> {
            throw new IllegalArgumentException("invalid SKU pattern '" + pattern + "': " + reason);
        });
        return new SkuGlob(pattern);
    }

    /** Why {@code pattern} is not a usable SKU pattern, or empty when it is. */
    static Optional<String> problemWith(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return Optional.of("the pattern is blank");
        }
        if (!pattern.equals(pattern.strip())) {
            return Optional.of("the pattern starts or ends with whitespace");
        }
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (RESERVED.indexOf(c) >= 0) {
                return Optional.of("'" + c + "' is not supported; only * (any characters) and ? (one character) are wildcards");
            }
            if (Character.isISOControl(c)) {
                return Optional.of("the pattern contains a control character");
            }
        }
        return Optional.empty();
    }

    boolean matches(String sku) {
        // Greedy two-pointer match: on a mismatch, let the last '*' swallow one more character and retry.
        int p = 0;
        int s = 0;
        int star = -1;
        int starMatchEnd = 0;
        while (s < sku.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == sku.charAt(s))) {
                p++;
                s++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                starMatchEnd = s;
            } else if (star >= 0) {
                p = star + 1;
                s = ++starMatchEnd;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
