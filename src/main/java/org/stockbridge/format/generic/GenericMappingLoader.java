package org.stockbridge.format.generic;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import org.stockbridge.feed.MappingException;
import org.stockbridge.feed.MappingNode;
import org.stockbridge.format.ShopOperation;
import org.stockbridge.format.generic.GenericMapping.Layout;

/**
 * Reads a generic shop mapping ({@code mappings/<name>.yaml}) the way feed mappings are read ({@link MappingNode}):
 * unknown keys, missing keys and values that cannot work are refused with a {@link MappingException} naming the
 * file and the dotted key, so a wrong mapping stops start-up instead of sending wrong requests.
 */
final class GenericMappingLoader {

    private static final Set<String> JSON_KEYS = ordered("format", "stock", "prices", "headers", "basicAuth", "answer");
    private static final Set<String> CSV_KEYS = ordered("format", "fileName", "encoding", "separator", "header",
            "lineEnding", "decimalComma", "columns");
    private static final Set<String> XML_KEYS = ordered("format", "fileName", "encoding", "decimalComma", "root",
            "item", "elements");
    private static final Set<String> CALL_KEYS = ordered("method", "path", "batchSize", "wrapper", "fields",
            "constants", "priceAs");
    private static final Set<String> ANSWER_KEYS = ordered("errors", "itemField", "itemKey", "message");
    /** Placeholders a file name template may hold; anything else in braces is a typo. */
    private static final Pattern FILE_NAME = Pattern.compile("(?:[A-Za-z0-9._-]|\\{operation}|\\{timestamp})+");
    private static final Pattern XML_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9._-]*");
    /** RFC 7230 token: what a header name may be. */
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final int MAX_BATCH = 10_000;
    static final String AUTHORIZATION = "Authorization";
    /** HTTP Basic (RFC 7617) from the connection's username and password, filled in by {@link Headers}. */
    static final String BASIC = "Basic ${" + Headers.BASE64 + ":" + GenericSettings.USERNAME + ":"
            + GenericSettings.PASSWORD + "}";

    private GenericMappingLoader() {
    }

    static GenericMapping load(Path file) {
        String source = file.toString();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(MappingNode.parse(reader, source));
        } catch (IOException e) {
            throw new MappingException(source, "", "cannot read the mapping file: " + e, e);
        }
    }

    static GenericMapping parse(String yaml, String source) {
        return read(MappingNode.parse(new StringReader(yaml), source));
    }

    private static GenericMapping read(MappingNode root) {
        Layout layout = Layout.valueOf(root.choice("format", null, "json", "csv", "xml").toUpperCase(Locale.ROOT));
        return switch (layout) {
            case JSON -> json(root);
            case CSV, XML -> file(root, layout);
        };
    }

    private static GenericMapping json(MappingNode root) {
        root.allowOnly(JSON_KEYS);
        JsonCall stock = call(root.section("stock"), ShopOperation.STOCK);
        JsonCall prices = call(root.section("prices"), ShopOperation.PRICES);
        if (stock == null && prices == null) {
            throw root.error("stock", "map stock, prices or both: how the shop takes each");
        }
        Map<String, String> headers = headers(root.section("headers"));
        if (root.bool("basicAuth", false)) {
            if (headers.keySet().stream().anyMatch(name -> name.equalsIgnoreCase(AUTHORIZATION))) {
                throw root.error("basicAuth", "headers already set Authorization; use one or the other");
            }
            headers.put(AUTHORIZATION, BASIC);
        }
        return new GenericMapping(root.source(), Layout.JSON, stock, prices, headers, answer(root.section("answer")), null);
    }

    private static JsonCall call(MappingNode call, ShopOperation operation) {
        if (call == null) {
            return null;
        }
        call.allowOnly(CALL_KEYS);
        String method = call.choice("method", "post", "post", "put", "patch").toUpperCase(Locale.ROOT);
        String path = call.requiredText("path", "relative to the connection's baseUrl, such as /api/stock");
        if (!path.startsWith("/") || path.contains("://")) {
            throw call.error("path", "'" + path + "' must start with / (it is joined to the connection's baseUrl)");
        }
        String unknownPlaceholder = path.replace(JsonCall.SKU_PLACEHOLDER, "").replace(JsonCall.EXTERNAL_ID_PLACEHOLDER, "");
        if (unknownPlaceholder.contains("{") || unknownPlaceholder.contains("}")) {
            throw call.error("path", "'" + path + "': the only placeholders are {sku} and {externalId}");
        }
        boolean perItem = !unknownPlaceholder.equals(path);
        if (perItem && call.has("batchSize")) {
            throw call.error("batchSize", "the path names one item ({sku} or {externalId}), so every request carries one");
        }
        int batchSize = perItem ? 1 : call.integer("batchSize", 100, 1, MAX_BATCH);
        String wrapper = call.text("wrapper");
        if (wrapper != null && wrapper.isBlank()) {
            throw call.error("wrapper", "leave it out to send a bare array, or name the field that holds the items");
        }
        Map<ItemValue, String> fields = fields(call, operation);
        Map<String, JsonNode> constants = constants(call, fields);
        String priceAs = call.choice("priceAs", "number", "number", "string");
        if (operation == ShopOperation.STOCK && call.has("priceAs")) {
            throw call.error("priceAs", "only for prices");
        }
        return new JsonCall(method, path, batchSize, wrapper == null ? null : wrapper.trim(), fields, constants,
                priceAs.equals("string"));
    }

    private static Map<ItemValue, String> fields(MappingNode call, ShopOperation operation) {
        MappingNode section = call.section("fields");
        ItemValue value = operation == ShopOperation.STOCK ? ItemValue.QUANTITY : ItemValue.PRICE;
        if (section == null) {
            throw call.error("fields", "required: the JSON field names of sku and/or externalId, and " + value.key());
        }
        Map<ItemValue, String> fields = names(section, Set.of(ItemValue.SKU, ItemValue.EXTERNAL_ID, value), null);
        if (!fields.containsKey(value)) {
            throw section.error(value.key(), "required: the JSON field that carries the " + value.key());
        }
        if (!fields.containsKey(ItemValue.SKU) && !fields.containsKey(ItemValue.EXTERNAL_ID)
                && !call.text("path").contains("{")) {
            throw section.error("sku", "map sku or externalId (or name the item in the path): the shop must know "
                    + "which product each value is for");
        }
        return fields;
    }

    /** Item value → name, in the mapping's order; {@code pattern} checks each name when not null. */
    private static Map<ItemValue, String> names(MappingNode section, Set<ItemValue> allowed, Pattern pattern) {
        Set<String> keys = new LinkedHashSet<>();
        for (ItemValue value : ItemValue.values()) {
            if (allowed.contains(value)) {
                keys.add(value.key());
            }
        }
        section.allowOnly(keys);
        Map<ItemValue, String> names = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String key : section.keys()) {
            String name = section.text(key);
            if (name == null || name.isBlank()) {
                continue;
            }
            name = name.trim();
            if (pattern != null && !pattern.matcher(name).matches()) {
                throw section.error(key, "'" + name + "' is not an XML element name (letters, digits, . _ -)");
            }
            if (!seen.add(name)) {
                throw section.error(key, "'" + name + "' is already used for another value");
            }
            names.put(ItemValue.byKey(key), name);
        }
        return names;
    }

    private static Map<String, JsonNode> constants(MappingNode call, Map<ItemValue, String> fields) {
        MappingNode section = call.section("constants");
        Map<String, JsonNode> constants = new LinkedHashMap<>();
        if (section == null) {
            return constants;
        }
        for (String name : section.keys()) {
            if (fields.containsValue(name)) {
                throw section.error(name, "is already a mapped field");
            }
            JsonNode value = section.raw(name);
            if (value != null) {
                constants.put(name, value);
            }
        }
        return constants;
    }

    private static Map<String, String> headers(MappingNode section) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (section == null) {
            return headers;
        }
        for (String name : section.keys()) {
            if (!HEADER_NAME.matcher(name).matches()) {
                throw section.error(name, "is not a valid HTTP header name");
            }
            if (name.equalsIgnoreCase("Content-Type") || name.equalsIgnoreCase("Content-Length")
                    || name.equalsIgnoreCase("Host")) {
                throw section.error(name, "is set by the hub (the body is JSON); leave it out");
            }
            String value = section.requiredText(name, "the header's value; ${apiKey} and the like stand for settings");
            for (String reference : GenericMapping.references(value)) {
                if (!GenericSettings.REFERENCEABLE.contains(reference)) {
                    throw section.error(name, "${" + reference + "} is not a setting a header can use; these are: "
                            + String.join(", ", new TreeSet<>(GenericSettings.REFERENCEABLE)));
                }
            }
            if (value.replaceAll(GenericMapping.REFERENCE.pattern(), "").contains("${")) {
                throw section.error(name, "'${' starts no setting name such as ${apiKey}");
            }
            headers.put(name, value);
        }
        return headers;
    }

    private static AnswerRule answer(MappingNode section) {
        if (section == null) {
            return null;
        }
        section.allowOnly(ANSWER_KEYS);
        String errors = section.requiredText("errors", "the JSON Pointer of the list of refused items, such as /errors");
        try {
            JsonPointer.compile(errors);
        } catch (IllegalArgumentException e) {
            throw section.error("errors", "'" + errors + "' is not a JSON Pointer such as /errors or /data/failed");
        }
        String itemField = section.requiredText("itemField", "the field of an error entry that names the item, such as sku");
        ItemValue itemKey = ItemValue.byKey(section.choice("itemKey", "sku", "sku", "externalid")
                .replace("externalid", "externalId"));
        return new AnswerRule(errors, itemField, itemKey, section.text("message"));
    }

    private static GenericMapping file(MappingNode root, Layout layout) {
        root.allowOnly(layout == Layout.CSV ? CSV_KEYS : XML_KEYS);
        String extension = layout.name().toLowerCase(Locale.ROOT);
        String fileName = root.text("fileName");
        fileName = fileName == null ? "{operation}-{timestamp}." + extension : fileName.trim();
        if (!FILE_NAME.matcher(fileName).matches() || !fileName.contains("{timestamp}")) {
            throw root.error("fileName", "'" + fileName + "' must be a plain file name with {timestamp} (and may "
                    + "have {operation}), such as stock-{timestamp}." + extension + ": every drain writes a new file");
        }
        Charset encoding = encoding(root);
        boolean decimalComma = root.bool("decimalComma", false);
        if (layout == Layout.CSV) {
            char separator = separator(root);
            boolean header = root.bool("header", true);
            boolean crlf = root.choice("lineEnding", "crlf", "crlf", "lf").equals("crlf");
            Map<ItemValue, String> columns = columns(root, "columns", null);
            return new GenericMapping(root.source(), layout, null, null, Map.of(), null, new FileLayout(fileName,
                    encoding, columns, separator, header, crlf, decimalComma, null, null));
        }
        String rootElement = xmlName(root, "root", "the document element, such as stock");
        String item = xmlName(root, "item", "the element of one product, such as product");
        Map<ItemValue, String> elements = columns(root, "elements", XML_NAME);
        return new GenericMapping(root.source(), layout, null, null, Map.of(), null, new FileLayout(fileName,
                encoding, elements, ',', false, false, decimalComma, rootElement, item));
    }

    private static Map<ItemValue, String> columns(MappingNode root, String key, Pattern pattern) {
        MappingNode section = root.section(key);
        if (section == null) {
            throw root.error(key, "required: the name of each value written, in file order, from "
                    + ItemValue.keys());
        }
        Map<ItemValue, String> names = names(section, Set.of(ItemValue.values()), pattern);
        if (!names.containsKey(ItemValue.SKU) && !names.containsKey(ItemValue.EXTERNAL_ID)) {
            throw section.error("sku", "map sku or externalId: the shop must know which product each line is for");
        }
        if (!names.containsKey(ItemValue.QUANTITY) && !names.containsKey(ItemValue.PRICE)) {
            throw section.error("quantity", "map quantity, price or both");
        }
        return names;
    }

    private static String xmlName(MappingNode root, String key, String why) {
        String name = root.requiredText(key, why);
        if (!XML_NAME.matcher(name).matches()) {
            throw root.error(key, "'" + name + "' is not an XML element name (letters, digits, . _ -)");
        }
        return name;
    }

    private static Charset encoding(MappingNode root) {
        String name = root.text("encoding");
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw root.error("encoding", "unknown encoding '" + name + "' (for example UTF-8, windows-1250, ISO-8859-2)");
        }
    }

    private static char separator(MappingNode root) {
        String value = root.text("separator");
        if (value == null) {
            return ';';
        }
        if (value.equalsIgnoreCase("tab")) {
            return '\t';
        }
        if (value.length() != 1 || value.charAt(0) == '"' || value.charAt(0) == '\n' || value.charAt(0) == '\r') {
            throw root.error("separator", "expected a single character such as ';' or 'tab' (not '\"'), found '"
                    + value + "'");
        }
        return value.charAt(0);
    }

    private static Set<String> ordered(String... keys) {
        return new LinkedHashSet<>(List.of(keys));
    }
}
