package org.stockbridge.format.generic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How one operation (stock or prices) goes out as JSON over HTTP.
 *
 * @param path       relative to the base URL; with {@code {sku}} or {@code {externalId}} every item is its own
 *                   request (a shop with per-product endpoints), otherwise items are batched
 * @param batchSize  items per batched request (the most the shop's endpoint takes)
 * @param wrapper    the top-level field that holds the items ({@code {"items": [...]}}); null sends a bare array
 *                   (or, per item, the bare object)
 * @param fields     JSON field name of each item value, in the order they are written
 * @param constants  fields written into every item as given (a warehouse code, a flag)
 * @param priceAsText prices as JSON strings ({@code "12.50"}) instead of numbers ({@code 12.50})
 */
record JsonCall(String method, String path, int batchSize, String wrapper, Map<ItemValue, String> fields,
        Map<String, JsonNode> constants, boolean priceAsText) {

    static final String SKU_PLACEHOLDER = "{sku}";
    static final String EXTERNAL_ID_PLACEHOLDER = "{externalId}";

    JsonCall {
        // insertion order is the order the fields are written in
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        constants = Collections.unmodifiableMap(new LinkedHashMap<>(constants));
    }

    boolean perItem() {
        return path.contains(SKU_PLACEHOLDER) || path.contains(EXTERNAL_ID_PLACEHOLDER);
    }
}
