package org.stockbridge.feed;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a mapping file ({@code mappings/<name>.yaml}) into a {@link FeedMapping}, rejecting anything it would have to
 * guess about: unknown keys, missing required keys, values of the wrong type, encodings the JVM lacks, field
 * references the format cannot express. Every {@link MappingException} names the file and the key, so a wrong mapping
 * fails at start-up with a message the integrator can act on, not at 3 a.m. on the first feed.
 */
public final class MappingLoader {

    private static final Set<String> TOP_KEYS = ordered("format", "encoding", "decimalComma", "separator", "quote",
            "header", "skipLines", "recordPath", "key", "fields", "price", "stock", "warehouse", "priceGroup",
            "unknownKeys", "feedType", "fullFeedGuardPercent", "maxBadRowsPercent");
    private static final Set<String> CSV_ONLY_KEYS = ordered("separator", "quote", "header", "skipLines");
    private static final Set<String> PRICE_KEYS = ordered("vat", "multiplier", "add", "rounding");
    private static final Set<String> STOCK_KEYS = ordered("textValues");
    private static final Set<String> FIELD_KEYS = fieldKeys();

    /** An XML name, optionally with a namespace prefix as written in the file ({@code g:id}). */
    private static final String XML_NAME = "[A-Za-z_][\\w.\\-]*(?::[A-Za-z_][\\w.\\-]*)?";
    private static final Pattern XML_FIELD = Pattern.compile(
            "@" + XML_NAME + "|" + XML_NAME + "(?:/" + XML_NAME + ")*(?:/@" + XML_NAME + ")?");
    private static final Pattern XML_RECORD_PATH = Pattern.compile("(?:/" + XML_NAME + ")+");
    /** Hub ids of warehouses and price groups: {@code main}, {@code retail-pln}, {@code erp-krakow}. */
    private static final Pattern HUB_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private MappingLoader() {
    }

    /** Loads {@code mappings/<name>.yaml}; errors name the file as the path was given. */
    public static FeedMapping load(Path file) {
        String source = file.toString();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return load(reader, source);
        } catch (IOException e) {
            throw new MappingException(source, "", "cannot read the mapping file: " + e, e);
        }
    }

    /**
     * Loads a mapping from a UTF-8 stream (a classpath resource, an upload) and closes it; {@code source} names it
     * in errors.
     */
    public static FeedMapping load(InputStream yaml, String source) {
        try (Reader reader = new InputStreamReader(yaml, StandardCharsets.UTF_8)) {
            return load(reader, source);
        } catch (IOException e) {
            throw new MappingException(source, "", "cannot read the mapping: " + e, e);
        }
    }

    /** Loads a mapping given as YAML text; {@code source} names it in errors. */
    public static FeedMapping parse(String yaml, String source) {
        return load(new StringReader(yaml), source);
    }

    private static FeedMapping load(Reader reader, String source) {
        return read(MappingNode.parse(reader, source));
    }

    private static FeedMapping read(MappingNode root) {
        root.allowOnly(TOP_KEYS);
        FeedFormat format = FeedFormat.valueOf(root.choice("format", null, "csv", "xml", "json")
                .toUpperCase(Locale.ROOT));
        for (String key : CSV_ONLY_KEYS) {
            if (format != FeedFormat.CSV && root.has(key)) {
                throw root.error(key, "only for format csv (this mapping is " + lower(format) + ")");
            }
        }
        Charset encoding = encoding(root, format);
        boolean decimalComma = root.bool("decimalComma", false);
        CsvLayout csv = format == FeedFormat.CSV ? csvLayout(root) : null;
        String recordPath = recordPath(root, format);
        KeyField key = KeyField.valueOf(root.choice("key", "sku", "sku", "ean").toUpperCase(Locale.ROOT));
        Map<FeedField, FieldRef> fields = fields(root, format, csv);

        checkRequiredFields(root, fields, key);
        PriceRule price = price(root, fields);
        StockRule stock = stock(root, fields);
        String warehouse = hubId(root, "warehouse");
        String priceGroup = hubId(root, "priceGroup");
        boolean hasPrice = fields.containsKey(FeedField.NET_PRICE) || fields.containsKey(FeedField.GROSS_PRICE);
        if (fields.containsKey(FeedField.STOCK) && warehouse == null && !fields.containsKey(FeedField.WAREHOUSE)) {
            throw root.error("warehouse", "required: the hub warehouse the stock of this feed lands in");
        }
        if (!fields.containsKey(FeedField.STOCK) && warehouse != null) {
            throw root.error("warehouse", "set, but the feed maps no stock (fields.stock)");
        }
        if (hasPrice && priceGroup == null) {
            throw root.error("priceGroup", "required: the hub price group the prices of this feed land in");
        }
        if (!hasPrice && priceGroup != null) {
            throw root.error("priceGroup", "set, but the feed maps no price (fields.netPrice or fields.grossPrice)");
        }

        UnknownKeys unknownKeys = UnknownKeys.valueOf(root.choice("unknownKeys", "report", "report", "create")
                .toUpperCase(Locale.ROOT));
        FeedType feedType = FeedType.valueOf(root.choice("feedType", null, "full", "delta").toUpperCase(Locale.ROOT));
        int guard = root.integer("fullFeedGuardPercent", 50, 0, 100);
        int maxBad = root.integer("maxBadRowsPercent", 10, 0, 100);

        return new FeedMapping(root.source(), format, encoding, decimalComma, csv, recordPath, fields, key, price,
                stock, warehouse, priceGroup, unknownKeys, feedType, guard, maxBad);
    }

    private static Charset encoding(MappingNode root, FeedFormat format) {
        String name = root.text("encoding");
        if (name == null) {
            // XML declares its own encoding in <?xml ... encoding="..."?>; CSV and JSON have no such thing.
            return format == FeedFormat.XML ? null : StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw root.error("encoding", "unknown encoding '" + name + "' (for example UTF-8, windows-1250, ISO-8859-2)");
        }
    }

    private static CsvLayout csvLayout(MappingNode root) {
        char separator = singleChar(root, "separator", ';');
        char quote = singleChar(root, "quote", '"');
        if (separator == quote) {
            throw root.error("quote", "must differ from the separator '" + separator + "'");
        }
        boolean header = root.bool("header", true);
        int skipLines = root.integer("skipLines", 0, 0, 1000);
        return new CsvLayout(separator, quote, header, skipLines);
    }

    private static char singleChar(MappingNode root, String key, char defaultValue) {
        String value = root.text(key);
        if (value == null) {
            return defaultValue;
        }
        if (value.equalsIgnoreCase("tab")) {
            return '\t';
        }
        if (value.length() != 1 || value.charAt(0) == '\n' || value.charAt(0) == '\r') {
            throw root.error(key, "expected a single character such as ';' or 'tab', found '" + value + "'");
        }
        return value.charAt(0);
    }

    private static String recordPath(MappingNode root, FeedFormat format) {
        if (format == FeedFormat.CSV) {
            if (root.has("recordPath")) {
                throw root.error("recordPath", "only for format xml or json (CSV rows are the records)");
            }
            return null;
        }
        if (format == FeedFormat.JSON && "".equals(root.text("recordPath"))) {
            return ""; // JSON Pointer's own spelling of the root (a root array: API answers, most exports)
        }
        String path = root.requiredText("recordPath", format == FeedFormat.XML
                ? "the element path of one product, such as /offer/products/product"
                : "the JSON Pointer of the array of products, such as /products");
        if (format == FeedFormat.XML && !XML_RECORD_PATH.matcher(path).matches()) {
            throw root.error("recordPath", "'" + path + "' is not an element path such as /offer/products/product "
                    + "(element names only; no //, *, [..] or @)");
        }
        if (format == FeedFormat.JSON) {
            if (path.equals("/")) {
                return ""; // "/" reads as "the root" to people; JSON Pointer spells that "".
            }
            jsonPointer(root, "recordPath", path);
        }
        return path;
    }

    private static Map<FeedField, FieldRef> fields(MappingNode root, FeedFormat format, CsvLayout csv) {
        MappingNode section = root.section("fields");
        if (section == null) {
            throw root.error("fields", "required: which " + (format == FeedFormat.CSV ? "column" : "field")
                    + " holds sku, ean, name, stock, netPrice, grossPrice, vatRate, warehouse");
        }
        section.allowOnly(FIELD_KEYS);
        Map<FeedField, FieldRef> fields = new EnumMap<>(FeedField.class);
        for (String name : section.keys()) {
            JsonNode value = section.raw(name);
            if (value == null) {
                continue; // "ean: " with no value means "not mapped", as if the line were absent
            }
            fields.put(FeedField.byKey(name), fieldRef(section, name, value, format, csv));
        }
        return fields;
    }

    private static FieldRef fieldRef(MappingNode section, String key, JsonNode value, FeedFormat format,
                                     CsvLayout csv) {
        if (value.isIntegralNumber()) {
            if (format != FeedFormat.CSV) {
                throw section.error(key, "column " + value.asText() + ": a column position only works for csv; "
                        + (format == FeedFormat.XML ? "name a child element or @attribute" : "give a JSON Pointer"));
            }
            if (!value.canConvertToInt() || value.intValue() < 1) {
                throw section.error(key, "column " + value.asText() + ": positions start at 1");
            }
            return FieldRef.column(value.intValue());
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw section.error(key, "expected a column name, column number or path, found "
                    + MappingNode.describe(value));
        }
        String path = value.textValue().trim();
        switch (format) {
            case CSV -> {
                if (!csv.header()) {
                    throw section.error(key, "column '" + path + "' is a header name, but header is false; "
                            + "give the 1-based column position instead");
                }
            }
            case XML -> {
                if (!XML_FIELD.matcher(path).matches()) {
                    throw section.error(key, "'" + path + "' is not a child element path such as name, "
                            + "stock/quantity, @id or stock/@qty");
                }
            }
            case JSON -> jsonPointer(section, key, path);
        }
        return FieldRef.path(path);
    }

    private static void jsonPointer(MappingNode node, String key, String path) {
        try {
            JsonPointer.compile(path);
        } catch (IllegalArgumentException e) {
            throw node.error(key, "'" + path + "' is not a JSON Pointer such as /stock or /price/net");
        }
    }

    private static void checkRequiredFields(MappingNode root, Map<FeedField, FieldRef> fields, KeyField key) {
        FeedField keyField = key == KeyField.SKU ? FeedField.SKU : FeedField.EAN;
        if (!fields.containsKey(keyField)) {
            throw root.error("fields." + keyField.key(), "required, because key is " + keyField.key());
        }
        if (!fields.containsKey(FeedField.STOCK) && !fields.containsKey(FeedField.NET_PRICE)
                && !fields.containsKey(FeedField.GROSS_PRICE)) {
            throw root.error("fields", "map at least one of stock, netPrice, grossPrice");
        }
        if (fields.containsKey(FeedField.NET_PRICE) && fields.containsKey(FeedField.GROSS_PRICE)) {
            throw root.error("fields.grossPrice", "map netPrice or grossPrice, not both");
        }
        if (fields.containsKey(FeedField.VAT_RATE) && !fields.containsKey(FeedField.NET_PRICE)) {
            throw root.error("fields.vatRate", "only used to turn fields.netPrice into gross; map netPrice too");
        }
        if (fields.containsKey(FeedField.WAREHOUSE) && !fields.containsKey(FeedField.STOCK)) {
            throw root.error("fields.warehouse", "only used for stock; map fields.stock too");
        }
    }

    private static PriceRule price(MappingNode root, Map<FeedField, FieldRef> fields) {
        MappingNode section = root.section("price");
        boolean net = fields.containsKey(FeedField.NET_PRICE);
        boolean hasPrice = net || fields.containsKey(FeedField.GROSS_PRICE);
        if (section == null) {
            if (net && !fields.containsKey(FeedField.VAT_RATE)) {
                throw root.error("price.vat", "required: fields.netPrice is mapped but there is no fields.vatRate");
            }
            return PriceRule.NONE;
        }
        if (!hasPrice) {
            throw root.error("price", "set, but the feed maps no price (fields.netPrice or fields.grossPrice)");
        }
        section.allowOnly(PRICE_KEYS);
        BigDecimal vat = section.decimal("vat");
        if (vat != null) {
            if (!net) {
                throw section.error("vat", "only used with fields.netPrice (this feed has gross prices)");
            }
            if (vat.signum() < 0 || vat.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw section.error("vat", "a VAT rate in percent from 0 to 100, found " + vat.toPlainString());
            }
        } else if (net && !fields.containsKey(FeedField.VAT_RATE)) {
            throw section.error("vat", "required: fields.netPrice is mapped but there is no fields.vatRate");
        }
        BigDecimal multiplier = section.decimal("multiplier");
        if (multiplier == null) {
            multiplier = BigDecimal.ONE;
        } else if (multiplier.signum() <= 0) {
            throw section.error("multiplier", "must be greater than 0, found " + multiplier.toPlainString());
        }
        BigDecimal add = section.decimal("add");
        return new PriceRule(vat, multiplier, add == null ? BigDecimal.ZERO : add, rounding(section));
    }

    private static PriceRounding rounding(MappingNode section) {
        JsonNode value = section.raw("rounding");
        if (value == null) {
            return PriceRounding.CENTS;
        }
        String text = value.asText().trim();
        if (text.equalsIgnoreCase("none")) {
            return PriceRounding.CENTS;
        }
        BigDecimal ending;
        try {
            ending = value.isNumber() ? value.decimalValue() : new BigDecimal(text);
        } catch (NumberFormatException e) {
            ending = null;
        }
        if (ending == null || ending.signum() < 0 || ending.compareTo(BigDecimal.ONE) >= 0
                || ending.stripTrailingZeros().scale() > 2) {
            throw section.error("rounding", "expected none, 0.01 or a price ending such as 0.99, 0.49, 0.90; found '"
                    + text + "'");
        }
        int cents = ending.movePointRight(2).intValue();
        // 0.01 reads as "to the cent" (a rounding step), never as "ends in .01".
        return cents == 1 ? PriceRounding.CENTS : PriceRounding.ending(cents);
    }

    private static StockRule stock(MappingNode root, Map<FeedField, FieldRef> fields) {
        MappingNode section = root.section("stock");
        if (section == null) {
            return StockRule.NONE;
        }
        if (!fields.containsKey(FeedField.STOCK)) {
            throw root.error("stock", "set, but the feed maps no stock (fields.stock)");
        }
        section.allowOnly(STOCK_KEYS);
        MappingNode texts = section.section("textValues");
        if (texts == null) {
            return StockRule.NONE;
        }
        Map<String, Integer> values = new HashMap<>();
        for (String word : texts.keys()) {
            JsonNode quantity = texts.raw(word);
            if (quantity == null || !quantity.isIntegralNumber() || !quantity.canConvertToInt()
                    || quantity.intValue() < 0) {
                throw texts.error(word, "expected a stock quantity (a whole number ≥ 0), found "
                        + (quantity == null ? "nothing" : MappingNode.describe(quantity)));
            }
            String normalized = word.trim().toLowerCase(Locale.ROOT);
            if (values.put(normalized, quantity.intValue()) != null) {
                throw texts.error(word, "listed twice (text values are matched ignoring case and spaces around)");
            }
        }
        return new StockRule(values);
    }

    private static String hubId(MappingNode root, String key) {
        String id = root.text(key);
        if (id == null) {
            return null;
        }
        id = id.trim();
        if (!HUB_ID.matcher(id).matches()) {
            throw root.error(key, "'" + id + "' is not a hub id (letters, digits, '-', '_', '.'), such as main "
                    + "or retail-pln");
        }
        return id;
    }

    private static String lower(FeedFormat format) {
        return format.name().toLowerCase(Locale.ROOT);
    }

    private static Set<String> ordered(String... keys) {
        return new LinkedHashSet<>(List.of(keys));
    }

    private static Set<String> fieldKeys() {
        Set<String> keys = new LinkedHashSet<>();
        for (FeedField field : FeedField.values()) {
            keys.add(field.key());
        }
        return keys;
    }
}
