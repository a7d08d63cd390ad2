package org.stockbridge.format.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * WooCommerce ids are integers; links store them as text. Sent as JSON numbers, as the API documents, and compared
 * as numbers so {@code "0042"} in a link still finds product 42 in the answer. An id that is not a number is sent
 * as text, and WooCommerce reports it as an invalid id for that item alone.
 * <p>
 * A variation lives under its parent, so its link keeps both as {@code parent/variation} ({@code 120/456}), as the
 * product list gives it: the parent names the endpoint ({@code /products/120/variations/batch}), the variation's
 * own id goes in the body.
 */
final class WooIds {

    private WooIds() {
    }

    /** The parent's id of a {@code parent/variation} link, else null (also for a link with nothing before the slash). */
    static String parent(String externalId) {
        int slash = externalId.indexOf('/');
        String parent = slash < 0 ? "" : externalId.substring(0, slash).trim();
        return parent.isEmpty() ? null : parent;
    }

    /** The product's or variation's own id: a {@code parent/variation} link without its parent. */
    static String own(String externalId) {
        return externalId.substring(externalId.indexOf('/') + 1);
    }

    /** How a listed variation is linked. */
    static String variation(String parentId, String variationId) {
        return parentId + "/" + variationId;
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
