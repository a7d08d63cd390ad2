package org.stockbridge.format;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An outside API the hub pulls products, stock and prices from (route template {@code api-to-hub}): page by page,
 * only what changed after a cursor. An implementation builds each page's request and reads each answer; the route
 * does the transport (Camel http with the shared retries) and hands every page to the feed ingestion with the
 * route's mapping, so API pages and files take the same path into the hub.
 * <p>
 * Some products keep their stock and prices on items listed apart, under the product (WooCommerce's variations of
 * a variable product). A page names such products as {@link Page#parents()}; the pull then lists each parent's
 * items with {@link #childRequest}, page by page and after a cursor of that parent's own.
 */
public interface PagedProductApi {

    /** The request of page {@code page} (from 1) of the products changed after {@code cursor}; null: every product. */
    PageRequest request(String cursor, int page);

    /**
     * The request of page {@code page} (from 1) of the items listed under product {@code parent}, changed after
     * {@code cursor} (null: every item). Only called for parents an answer named.
     */
    default PageRequest childRequest(String parent, String cursor, int page) {
        throw new UnsupportedOperationException("this API lists no items under its products");
    }

    /**
     * Reads the answer to page {@code page}: how many records it holds, the cursor after them (null when they carry
     * none), whether it is the last page, the parents it names and what of it the hub takes in. {@code header} looks
     * up a response header by name (null if absent). Child pages are read the same way.
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

    /**
     * One answer page read: {@code records} in the answer (paging goes by them), the cursor after them, whether it
     * is the last page, the products whose items are listed apart ({@code parents}), and the records the hub
     * takes in ({@code applied}, {@code appliedRecords} of them: the answer without the parents that carry no values
     * of their own).
     */
    record Page(int records, String cursor, boolean last, List<String> parents, byte[] applied, int appliedRecords) {

        /** A page applied as it came, naming no parents. */
        public static Page whole(int records, String cursor, boolean last, byte[] body) {
            return new Page(records, cursor, last, List.of(), body, records);
        }
    }
}
