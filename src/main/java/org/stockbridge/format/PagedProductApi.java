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
 * a variable product). A page names such products as {@link Page#parents()} and leaves their own records out; the
 * pull lists each known parent's items with {@link #childRequest}, page by page and after a cursor of that parent's
 * own, and now and then lists every parent ({@link #parentsRequest}) to learn the ones it has not seen change and
 * forget the ones gone.
 */
public interface PagedProductApi {

    /** The request of page {@code page} (from 1) of the products changed after {@code cursor}; null: every product. */
    PageRequest request(String cursor, int page);

    /**
     * Whether continuation {@code a} is after {@code b}, the cursor or continuation the page was asked after: the next
     * page then starts after {@code a}; if not, a whole page lay within one step of the sort key and the next page
     * number of the same question follows.
     */
    boolean isAfter(String a, String b);

    /** The request of page {@code page} (from 1) of every parent, whatever its last change; read like a products page. */
    default PageRequest parentsRequest(int page) {
        throw new UnsupportedOperationException("this API lists no items under its products");
    }

    /**
     * The request of page {@code page} (from 1) of the items listed under {@code parent}, changed after
     * {@code cursor} (null: every item). Only called for parents an answer named.
     */
    default PageRequest childRequest(Parent parent, String cursor, int page) {
        throw new UnsupportedOperationException("this API lists no items under its products");
    }

    /**
     * Reads the answer to page {@code page}: how many records it holds, the cursor after them (null when they carry
     * none), whether it is the last page, the parents it names and what of it the hub takes in. {@code header} looks
     * up a response header by name (null if absent). {@code parent}: the parent whose items the page lists, null for
     * a page of products or of parents.
     *
     * @throws UnexpectedAnswerException when the answer is not a page of products (the API is misconfigured)
     */
    Page read(byte[] body, UnaryOperator<String> header, int page, Parent parent);

    /** A product whose items are listed apart: its id in the API and its own key (SKU; null when it has none). */
    record Parent(String id, String key) {
    }

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
     * One answer page read: {@code records} in the answer (paging goes by them), the cursor after them (what the
     * next pull asks after), where the next page of the same list starts ({@code continuation}: after the sort key of
     * the page's last record, which need not be the cursor's clock; null when unknown), whether it is the last
     * page, the products whose items are listed apart ({@code parents}), and the records the hub takes in
     * ({@code applied}, {@code appliedRecords} of them: the answer without the parents, whose values are their
     * items').
     */
    record Page(int records, String cursor, String continuation, boolean last, List<Parent> parents, byte[] applied,
            int appliedRecords) {
    }
}
