package org.stockbridge.hub;

import java.util.Map;

/** The descriptive part of a product, as written by the API, an ERP or a feed. */
public record ProductData(String ean, String name, Map<String, Object> attributes) {
}
