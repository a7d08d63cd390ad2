package org.stockbridge.format;

import java.math.BigDecimal;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON every format writes and reads. One mapper, configured once: prices are written as plain decimals
 * ({@code 1000.00}, never {@code 1.0E+3}) because shops parse them as text.
 */
public final class FormatJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private FormatJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write request JSON", e);
        }
    }

    public static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write request JSON", e);
        }
    }

    /** The parsed body, or empty when it is not JSON (an HTML error page, a truncated answer). */
    public static Optional<JsonNode> read(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.readTree(body));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** The first of {@code fields} that holds a non-empty scalar, as text; null when none does. */
    public static String text(JsonNode node, String... fields) {
        for (String field : fields) {
            JsonNode value = node.get(field);
            if (value != null && value.isValueNode() && !value.isNull() && !value.asText().isEmpty()) {
                return value.asText();
            }
        }
        return null;
    }

    /**
     * A field that holds a decimal, as a number or as text (prices in shop APIs are often strings): null when it
     * is missing, empty or not a number.
     */
    public static BigDecimal decimal(JsonNode node, String field) {
        return decimal(text(node, field));
    }

    /** A decimal as a shop writes it (in JSON or XML): null when missing, blank or not a number. */
    public static BigDecimal decimal(String text) {
        try {
            return text == null || text.isBlank() ? null : new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
