package org.stockbridge.feed;

/**
 * A mapping file is wrong. The message always starts with the file and the key:
 * {@code mappings/acme.yaml: fields.stock: column 'Stan' is a header name but header is false}.
 */
public class MappingException extends RuntimeException {

    private final String source;
    private final String key;

    public MappingException(String source, String key, String problem) {
        super(source + ": " + (key == null || key.isEmpty() ? "" : key + ": ") + problem);
        this.source = source;
        this.key = key;
    }

    public MappingException(String source, String key, String problem, Throwable cause) {
        this(source, key, problem);
        initCause(cause);
    }

    /** The mapping file (as given to the loader). */
    public String source() {
        return source;
    }

    /** The dotted key at fault, such as {@code fields.stock}; empty for the file as a whole. */
    public String key() {
        return key == null ? "" : key;
    }
}
