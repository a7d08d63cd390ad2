package org.stockbridge.hub;

import java.util.Locale;

/** What a connection is for one data kind: the hub takes the data from it, sends the data to it, or neither. */
public enum Role {
    SUPERIOR, INFERIOR, NONE;

    public static Role parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("role '" + value + "' is not one of superior, inferior, none");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
