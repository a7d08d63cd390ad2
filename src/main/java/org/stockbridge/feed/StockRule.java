package org.stockbridge.feed;

import java.util.Locale;
import java.util.Map;

/**
 * How stock cells become quantities; the mapping section {@code stock:}.
 *
 * @param textValues words wholesalers put in the stock column mapped to quantities ({@code brak: 0},
 *                   {@code dostępny: 5}); keys are stored lower-case and matched case-insensitively
 */
public record StockRule(Map<String, Integer> textValues) {

    public static final StockRule NONE = new StockRule(Map.of());

    public StockRule {
        textValues = Map.copyOf(textValues);
    }

    /** The quantity for a word such as "Brak", or null if the word is not configured. */
    Integer textValue(String text) {
        if (textValues.isEmpty()) {
            return null;
        }
        return textValues.get(text.toLowerCase(Locale.ROOT));
    }
}
