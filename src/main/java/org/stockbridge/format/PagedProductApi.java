package org.stockbridge.format;

import java.util.function.UnaryOperator;

/**
 * An outside API the hub pulls products, stock and prices from (route template {@code api-to-hub}): page by page,
 * only what changed after a cursor. An implementation builds each page's request and reads each answer; the route
 * does the transport (Camel http with the shared retries) and hands every page to the feed ingestion with the
 * route's mapping, so API pages and files take the same path into the hub.
 */
public interface PagedProductApi {

    /** The request of page {@code page} (from 1) of the products changed after {@code cursor}; null: every product. */
    PageRequest request(String cursor, int page);

    /**
     * Reads the answer to page {@code page}: how many records it holds, the cursor after them (null when they carry
     * none) and whether it is the last page. {@code header} looks up a response header by name (null if absent).
     *
     * @throws UnexpectedAnswerException when the answer is not a page of products (the API is misconfigured)
     */
    Page read(byte[] body, UnaryOperator<String> header, int page);

    /**
     * One HTTP GET: path under the API's base URL, query string, and the Authorization header value.
     * {@link #toString()} leaves the credentials out, so a request can be logged.
     */
    record PageRequest(String path, String query, String authorization) {
        @Override
        public String toString() {
            return "GET " + path + "?" + query;
        }
    }

    /** One answer page read. */
    record Page(int records, String cursor, boolean last) {
    }
}
