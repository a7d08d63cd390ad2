package org.stockbridge.hub;

import java.util.List;
import java.util.Map;

/** A product as operators see it: descriptive data, stock, reservations, availability, prices and links. */
public record ProductView(
        String sku,
        String ean,
        String name,
        Map<String, Object> attributes,
        Map<String, Integer> stock,
        Map<String, Integer> reserved,
        Map<String, Integer> available,
        Map<String, String> prices,
        List<Link> links) {
}
