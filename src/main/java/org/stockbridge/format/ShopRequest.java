package org.stockbridge.format;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One HTTP request a format built, ready for the route to send: method, path relative to the connection's base
 * URL, headers, body, and the items it carries so the answer can be read back into per-item results.
 *
 * <p>Headers that carry credentials are marked secret when added; {@code toString()} masks them and leaves the
 * body out (it may be a thousand products long), so a request can be logged as it is.
 */
public final class ShopRequest {

    private final String id;
    private final String connection;
    private final ShopOperation operation;
    private final String method;
    private final String path;
    private final Map<String, String> headers;
    private final Set<String> secretHeaders;
    private final byte[] body;
    private final String contentType;
    private final List<ShopItem> items;
    private final int page;
    private final String cursor;

    private ShopRequest(Builder builder) {
        this.id = builder.id == null ? UUID.randomUUID().toString() : builder.id;
        this.connection = Objects.requireNonNull(builder.connection, "connection");
        this.operation = Objects.requireNonNull(builder.operation, "operation");
        this.method = Objects.requireNonNull(builder.method, "method");
        this.path = Objects.requireNonNull(builder.path, "path");
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(builder.headers));
        this.secretHeaders = Collections.unmodifiableSet(new LinkedHashSet<>(builder.secretHeaders));
        this.body = builder.body;
        this.contentType = builder.contentType;
        this.items = List.copyOf(builder.items);
        this.page = builder.page;
        this.cursor = builder.cursor;
    }

    public static Builder builder(ShopConnection connection, ShopOperation operation) {
        return new Builder(connection.id(), operation);
    }

    /** Unique per request built; for logs, sync records and idempotency keys. */
    public String id() {
        return id;
    }

    public String connection() {
        return connection;
    }

    public ShopOperation operation() {
        return operation;
    }

    public String method() {
        return method;
    }

    /** Path and query relative to the connection's base URL, such as {@code /wp-json/wc/v3/products/batch}. */
    public String path() {
        return path;
    }

    /** The full URL: the base URL (which may itself end in a folder, {@code https://example.com/shop}) + path. */
    public String url(URI baseUrl) {
        String base = baseUrl.toString();
        if (path.isEmpty()) {
            return base;
        }
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    /** Headers to send, credentials included; Content-Type is {@link #contentType()}. */
    public Map<String, String> headers() {
        return headers;
    }

    /** Names of the headers that carry credentials. */
    public Set<String> secretHeaders() {
        return secretHeaders;
    }

    /** The body, or an empty array for a request without one. */
    public byte[] body() {
        return body == null ? new byte[0] : body.clone();
    }

    public String bodyText() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    /** Null for a request without a body. */
    public String contentType() {
        return contentType;
    }

    /** The items this request carries, in the order they appear in it. */
    public List<ShopItem> items() {
        return items;
    }

    /** The product-list page this request asks for, counted from 1; 0 for a request that is not paged. */
    public int page() {
        return page;
    }

    /**
     * The {@link ProductPage#cursor()} this product-list request continues from, for a format that needs it again
     * to read the answer (where its walk goes next); null otherwise.
     */
    public String cursor() {
        return cursor;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("ShopRequest[").append(id)
                .append(", connection=").append(connection)
                .append(", ").append(operation)
                .append(", ").append(method).append(' ').append(path)
                .append(", ").append(items.size()).append(items.size() == 1 ? " item" : " items")
                .append(", headers={");
        String separator = "";
        for (Map.Entry<String, String> header : headers.entrySet()) {
            text.append(separator).append(header.getKey()).append('=')
                    .append(secretHeaders.contains(header.getKey()) ? ShopConnection.MASK : header.getValue());
            separator = ", ";
        }
        text.append('}');
        if (body != null) {
            text.append(", body ").append(body.length).append(" bytes ").append(contentType);
        }
        return text.append(']').toString();
    }

    public static final class Builder {

        private final String connection;
        private final ShopOperation operation;
        private String id;
        private String method;
        private String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final Set<String> secretHeaders = new LinkedHashSet<>();
        private byte[] body;
        private String contentType;
        private List<ShopItem> items = List.of();
        private int page;
        private String cursor;

        private Builder(String connection, ShopOperation operation) {
            this.connection = connection;
            this.operation = operation;
        }

        /**
         * The request's id when the format must put it into the body before building (Shopify's idempotency key);
         * a fresh UUID by default. Must be unique per request built.
         */
        public Builder id(String requestId) {
            this.id = requestId;
            return this;
        }

        public Builder get(String path) {
            this.method = "GET";
            this.path = path;
            return this;
        }

        public Builder post(String path) {
            this.method = "POST";
            this.path = path;
            return this;
        }

        /** Changes only the fields the body names (PrestaShop 8 webservice). */
        public Builder patch(String path) {
            return method("PATCH", path);
        }

        /** Any method (PUT, PATCH, DELETE, or {@link FileDelivery#WRITE} for a file) and its path. */
        public Builder method(String method, String path) {
            this.method = method;
            this.path = path;
            return this;
        }

        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** A header carrying a credential: sent as given, masked in every {@code toString()}. */
        public Builder secretHeader(String name, String value) {
            headers.put(name, value);
            secretHeaders.add(name);
            return this;
        }

        public Builder body(byte[] content, String type) {
            this.body = content.clone();
            this.contentType = type;
            return this;
        }

        public Builder items(List<ShopItem> carried) {
            this.items = carried;
            return this;
        }

        public Builder page(int number) {
            this.page = number;
            return this;
        }

        public Builder cursor(String continuedFrom) {
            this.cursor = continuedFrom;
            return this;
        }

        public ShopRequest build() {
            return new ShopRequest(this);
        }
    }
}
