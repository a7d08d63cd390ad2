package org.stockbridge.hub;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Enum values as configuration and the database spell them: lower case ({@code superior}, {@code wholesaler}). */
public final class EnumText {

    private EnumText() {
    }

    /** Parses a value case-insensitively; a blank value gives {@code fallback} (or is refused when it is null). */
    public static <E extends Enum<E>> E parse(Class<E> type, String value, E fallback, String what) {
        if ((value == null || value.isBlank()) && fallback != null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(what + " '" + value + "' is not one of " + Arrays.stream(type.getEnumConstants())
                    .map(EnumText::id).collect(Collectors.joining(", ")));
        }
    }

    public static String id(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
