package org.stockbridge.feed;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Reads JSON feeds with Jackson's streaming parser: it walks to the array at {@code recordPath} token by token,
 * then reads one element at a time as a small tree ({@code readValueAsTree}) and looks the fields up by JSON Pointer.
 * Only one record is ever in memory.
 */
final class JsonFeedReader extends AbstractFeedReader {

    /** Floats as BigDecimal so a price of 19.99 is never 19.989999... */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final InputStream in;
    private final JsonPointer[] pointers = new JsonPointer[FeedField.count()];
    private final String[] labels = new String[FeedField.count()];
    private final RawRecord record = new RawRecord();
    private JsonParser parser;
    private RowMapper rowMapper;
    private boolean arrayEnded;
    private long ordinal;

    JsonFeedReader(InputStream in, String fileName, FeedMapping mapping) {
        super(fileName, mapping, in);
        this.in = in;
        for (Map.Entry<FeedField, FieldRef> entry : mapping.fields().entrySet()) {
            pointers[entry.getKey().ordinal()] = JsonPointer.compile(entry.getValue().path());
            labels[entry.getKey().ordinal()] = "field '" + entry.getValue().path() + "'";
        }
    }

    @Override
    protected FeedRow readNext() throws IOException, BrokenFileException {
        if (parser == null) {
            // Decoded by us, replacing bad bytes, so one mangled name costs one row and not the whole file.
            parser = JSON.createParser(replacingReader(in, mapping.encoding()));
            rowMapper = new RowMapper(mapping, fileName, labels, mapping.encoding().name());
            findRecords();
        }
        if (arrayEnded) {
            return null;
        }
        JsonToken token = parser.nextToken();
        if (token == JsonToken.END_ARRAY) {
            arrayEnded = true;
            readToEnd();
            return null;
        }
        long line = parser.currentTokenLocation().getLineNr();
        record.reset(line, ++ordinal);
        if (token != JsonToken.START_OBJECT) {
            parser.skipChildren();
            record.problem = "the record is " + describe(token) + ", not an object";
            return rowMapper.map(record);
        }
        JsonNode product = parser.readValueAsTree();
        for (int field = 0; field < pointers.length; field++) {
            if (pointers[field] != null) {
                record.values[field] = value(product.at(pointers[field]), field);
            }
        }
        return rowMapper.map(record);
    }

    private String value(JsonNode node, int field) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isContainerNode()) {
            if (record.problem == null) {
                record.problem = labels[field] + " is " + (node.isObject() ? "an object" : "a list") + ", not a value";
            }
            return null;
        }
        if (node.isBigDecimal() || node.isFloatingPointNumber()) {
            return node.decimalValue().toPlainString(); // never "1E+3"
        }
        return node.asText();
    }

    /** Walks the token stream to the start of the array at recordPath, skipping everything else unparsed. */
    private void findRecords() throws IOException, BrokenFileException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new BrokenFileException(0, 0, "the file is empty");
        }
        JsonPointer rest = JsonPointer.compile(mapping.recordPath());
        while (!rest.matches()) {
            if (!(token == JsonToken.START_OBJECT ? enterProperty(rest.getMatchingProperty())
                    : token == JsonToken.START_ARRAY && enterIndex(rest.getMatchingIndex()))) {
                throw new BrokenFileException(parser.currentLocation().getLineNr(), 0,
                        "no array at recordPath " + mapping.recordPath());
            }
            token = parser.currentToken();
            rest = rest.tail();
        }
        if (token != JsonToken.START_ARRAY) {
            throw new BrokenFileException(parser.currentTokenLocation().getLineNr(), 0,
                    "recordPath " + (mapping.recordPath().isEmpty() ? "(the root)" : mapping.recordPath())
                            + " is " + describe(token) + ", not an array of records");
        }
    }

    /** Inside an object: moves to the value of {@code name}; false if the object has no such property. */
    private boolean enterProperty(String name) throws IOException {
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String property = parser.currentName();
            parser.nextToken();
            if (property.equals(name)) {
                return true;
            }
            parser.skipChildren();
        }
        return false;
    }

    /** Inside an array: moves to element {@code index}; false if it is shorter. */
    private boolean enterIndex(int index) throws IOException {
        if (index < 0) {
            return false;
        }
        for (int i = 0; ; i++) {
            JsonToken token = parser.nextToken();
            if (token == null || token == JsonToken.END_ARRAY) {
                return false;
            }
            if (i == index) {
                return true;
            }
            parser.skipChildren();
        }
    }

    /** Parses what follows the record array, so a file cut off after it is still reported as broken. */
    private void readToEnd() throws IOException {
        while (parser.nextToken() != null) {
            parser.skipChildren();
        }
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "missing";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }

    @Override
    protected RowError describeFailure(Exception failure) {
        if (failure instanceof StreamReadException syntax) {
            long line = syntax.getLocation() != null ? syntax.getLocation().getLineNr() : 0;
            return brokenAt(Math.max(line, 0), 0, "JSON syntax error: " + syntax.getOriginalMessage());
        }
        return brokenAt(0, 0, "reading the JSON failed: " + failure);
    }

    @Override
    public void close() {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException e) {
                // the stream is closed below; nothing to report for a read-only parser
            }
        }
        super.close();
    }
}
