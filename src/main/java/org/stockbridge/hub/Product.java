package org.stockbridge.hub;

import java.util.Map;

/** A hub product: the master record every connection's product is linked to. */
public record Product(long id, String sku, String ean, String name, Map<String, Object> attributes) {
}
