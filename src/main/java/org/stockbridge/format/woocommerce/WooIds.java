package org.stockbridge.format.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * WooCommerce ids are integers; links store them as text. Sent as JSON numbers, as the API documents, and compared
 * as numbers so {@code "0042"} in a link still finds product 42 in the answer. An id that is not a number is sent
 * as text, and WooCommerce reports it as an invalid id for that item alone.
 */
final class WooIds {

    private WooIds() {
    }

    static Object toJson(String id) {
        try {
            return Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            return id;
        }
    }

    static String key(String id) {
        return String.valueOf(toJson(id));
    }

    /** The id of an answer object, or null when it has none. */
    static String key(JsonNode node) {
        JsonNode id = node.get("id");
        return id == null || id.isNull() ? null : key(id.asText());
    }
}
