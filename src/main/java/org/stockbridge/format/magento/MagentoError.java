package org.stockbridge.format.magento;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.stockbridge.format.FormatJson;

/**
 * One message Magento reports with its {@code parameters}: a failed price ({@code PriceUpdateResultInterface}) or one
 * of the {@code errors} of a refused request. Magento leaves the placeholders in the message
 * ({@code "Invalid attribute %fieldName = %fieldValue."}) and sends the values beside it — as an object by name, or
 * as a list in placeholder order depending on the endpoint — so both are read, and the values also tell which SKU
 * the message is about.
 */
record MagentoError(String message, Map<String, String> named, List<String> values) {

    private static final Pattern PLACEHOLDER = Pattern.compile("%(\\w+)");

    static MagentoError of(JsonNode entry) {
        String message = FormatJson.text(entry, "message");
        Map<String, String> named = new LinkedHashMap<>();
        List<String> values = new ArrayList<>();
        collect(entry.get("parameters"), null, named, values);
        return new MagentoError(message == null ? "refused without a message" : message, named, values);
    }

    private static void collect(JsonNode node, String name, Map<String, String> named, List<String> values) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isValueNode()) {
            values.add(node.asText());
            if (name != null) {
                named.put(name, node.asText());
            }
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, null, named, values));
        } else {
            node.fields().forEachRemaining(field -> collect(field.getValue(), field.getKey(), named, values));
        }
    }

    /**
     * True when one of the parameters is this SKU, or the message quotes it — MSI folds its first validation error
     * into the message ({@code Validation Failed: Product with requested "sku": "24-MB01" was was not found.}).
     */
    boolean names(String sku) {
        return values.contains(sku) || text().contains("\"" + sku + "\"");
    }

    /** The message with its placeholders filled in: by name, by number ({@code %1}), else in order. */
    String text() {
        Matcher placeholder = PLACEHOLDER.matcher(message);
        StringBuilder text = new StringBuilder();
        int next = 0;
        while (placeholder.find()) {
            String key = placeholder.group(1);
            String value = named.get(key);
            if (value == null && key.chars().allMatch(Character::isDigit)) {
                int index = Integer.parseInt(key) - 1;
                value = index >= 0 && index < values.size() ? values.get(index) : null;
            } else if (value == null && next < values.size()) {
                value = values.get(next);
            }
            next++;
            placeholder.appendReplacement(text, Matcher.quoteReplacement(value == null ? placeholder.group() : value));
        }
        placeholder.appendTail(text);
        return text.toString();
    }
}
