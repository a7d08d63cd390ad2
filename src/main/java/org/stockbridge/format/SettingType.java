package org.stockbridge.format;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The type of a format setting. Settings arrive as text (from YAML or the environment); the type turns the text
 * into the value a format reads, or says what is wrong with it.
 */
public enum SettingType {

    TEXT("text") {
        @Override
        Object convert(String raw) {
            return raw;
        }
    },
    INTEGER("integer") {
        @Override
        Object convert(String raw) {
            try {
                return Long.parseLong(raw.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a whole number");
            }
        }
    },
    BOOLEAN("boolean") {
        @Override
        Object convert(String raw) {
            // Only the two words: "yes"/"1" are the kind of guesses that hide a misspelt value.
            return switch (raw.trim().toLowerCase(Locale.ROOT)) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("must be true or false");
            };
        }
    },
    URL("URL") {
        @Override
        Object convert(String raw) {
            URI uri;
            try {
                uri = new URI(raw.trim());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("must be an http or https URL");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException("must be an http or https URL with a host");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("must not carry a query or fragment; formats add their own paths");
            }
            return uri;
        }
    };

    private final String label;

    SettingType(String label) {
        this.label = label;
    }

    /** The word used in docs/formats.md. */
    public String label() {
        return label;
    }

    /** The typed value ({@code String}, {@code Long}, {@code Boolean} or {@code URI}); throws with the problem. */
    abstract Object convert(String raw);
}
