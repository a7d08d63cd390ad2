package org.stockbridge.hub;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A product field a connection's products are matched to hub products by, in the connection's order. */
public enum MatchField {
    SKU, EAN, NAME;

    public static final List<MatchField> DEFAULT_ORDER = List.of(SKU, EAN, NAME);

    /** "sku,ean,name" → [SKU, EAN, NAME]; an empty value is the default order. */
    public static List<MatchField> parseOrder(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_ORDER;
        }
        List<MatchField> order = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                MatchField field = valueOf(part.trim().toUpperCase(Locale.ROOT));
                if (order.contains(field)) {
                    throw new IllegalArgumentException("match-by names " + field.id() + " twice");
                }
                order.add(field);
            } catch (IllegalArgumentException e) {
                throw e.getMessage().startsWith("match-by") ? e
                        : new IllegalArgumentException("match-by '" + part.trim() + "' is not one of sku, ean, name");
            }
        }
        return List.copyOf(order);
    }

    public static String format(List<MatchField> order) {
        return String.join(",", order.stream().map(MatchField::id).toList());
    }

    public String id() {
        return EnumText.id(this);
    }
}
