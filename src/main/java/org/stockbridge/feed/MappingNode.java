package org.stockbridge.feed;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.Reader;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One YAML mapping (section) being read, with typed getters whose errors name the mapping file and the dotted key.
 * Keeps {@link MappingLoader} about the meaning of keys, not about YAML node types. Public so that other mapping
 * files (the generic shop format's) are read with the same rules and error wording.
 */
public final class MappingNode {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final String source;
    private final String path;
    private final JsonNode node;

    private MappingNode(String source, String path, JsonNode node) {
        this.source = source;
        this.path = path;
        this.node = node;
    }

    /** The YAML read from {@code reader} as the root section; {@code source} names the file in errors. */
    public static MappingNode parse(Reader reader, String source) {
        JsonNode tree;
        try {
            tree = YAML.readTree(reader);
        } catch (JacksonException e) {
            throw new MappingException(source, "", "not valid YAML" + at(e.getLocation()) + ": "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MappingException(source, "", "cannot read the mapping: " + e, e);
        }
        return root(source, tree);
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? "" : " at line " + location.getLineNr();
    }

    public static MappingNode root(String source, JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new MappingException(source, "", "the mapping file is empty");
        }
        if (!node.isObject()) {
            throw new MappingException(source, "", "expected a YAML mapping of keys (format:, fields:, ...), found "
                    + describe(node));
        }
        return new MappingNode(source, "", node);
    }

    public String source() {
        return source;
    }

    /** The dotted name of a key in this section, as error messages show it: {@code price.rounding}. */
    public String keyPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public MappingException error(String key, String problem) {
        return new MappingException(source, keyPath(key), problem);
    }

    /** Rejects keys this section does not know, listing the ones it does: typos must not be silently ignored. */
    public void allowOnly(Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw error(name, "unknown key (expected one of " + String.join(", ", allowed) + ")");
            }
        }
    }

    public boolean has(String key) {
        JsonNode value = node.get(key);
        return value != null && !value.isNull();
    }

    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** The raw node of a key (for values that may be of several types); null when absent. */
    public JsonNode raw(String key) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value;
    }

    public MappingNode section(String key) {
        JsonNode value = raw(key);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            throw error(key, "expected a section of keys, found " + describe(value));
        }
        return new MappingNode(source, keyPath(key), value);
    }

    /** A scalar as text (numbers and booleans too, since YAML users rarely quote); null when absent. */
    public String text(String key) {
        JsonNode value = raw(key);
        if (value == null) {
            return null;
        }
        if (!value.isValueNode()) {
            throw error(key, "expected a single value, found " + describe(value));
        }
        return value.asText();
    }

    public String requiredText(String key, String why) {
        String value = text(key);
        if (value == null || value.isBlank()) {
            throw error(key, "required" + (why == null ? "" : " (" + why + ")"));
        }
        return value.trim();
    }

    public boolean bool(String key, boolean defaultValue) {
        JsonNode value = raw(key);
        if (value == null) {
            return defaultValue;
        }
        if (!value.isBoolean()) {
            throw error(key, "expected true or false, found " + describe(value));
        }
        return value.booleanValue();
    }

    public int integer(String key, int defaultValue, int min, int max) {
        JsonNode value = raw(key);
        if (value == null) {
            return defaultValue;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()
                || value.intValue() < min || value.intValue() > max) {
            throw error(key, "expected a whole number from " + min + " to " + max + ", found " + describe(value));
        }
        return value.intValue();
    }

    public BigDecimal decimal(String key) {
        JsonNode value = raw(key);
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual()) {
            try {
                return new BigDecimal(value.textValue().trim());
            } catch (NumberFormatException e) {
                // fall through to the common message
            }
        }
        throw error(key, "expected a number such as 1.25, found " + describe(value));
    }

    /** One of a fixed set of words, case-insensitive; returns it lower-case. */
    public String choice(String key, String defaultValue, String... allowed) {
        String value = text(key);
        if (value == null) {
            if (defaultValue == null) {
                throw error(key, "required (one of " + String.join(", ", allowed) + ")");
            }
            return defaultValue;
        }
        String word = value.trim().toLowerCase(Locale.ROOT);
        for (String option : allowed) {
            if (option.equals(word)) {
                return option;
            }
        }
        throw error(key, "'" + value + "' is not one of " + String.join(", ", allowed));
    }

    public static String describe(JsonNode value) {
        if (value.isObject()) {
            return "a section";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isTextual()) {
            return "'" + value.textValue() + "'";
        }
        return value.asText();
    }
}
