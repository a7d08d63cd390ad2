package org.stockbridge.format.woocommerce;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.stockbridge.format.PagedProductApi;
import org.stockbridge.format.UnexpectedAnswerException;

/**
 * WooCommerce REST API v3 (WooCommerce 5.8 or newer, which added {@code modified_after} and {@code dates_are_gmt})
 * as a superior shop: {@code GET /wp-json/wc/v3/products} oldest change first, authenticated with the REST API
 * consumer key and secret as HTTP Basic (which WooCommerce accepts over HTTPS only).
 * <p>
 * The cursor is the newest {@code date_modified_gmt} applied. WooCommerce compares {@code modified_after}
 * strictly and to the second, so products changed in the cursor's own second after it was read — or left on the
 * next page of a pull that failed half-way — would never be asked for again. Each pull therefore asks for changes
 * after cursor minus one second: it re-reads that second's products, which is harmless because every value the
 * hub takes is absolute.
 * <p>
 * Variable products keep stock and prices on their variations, which {@code /products} does not list. With
 * variations pulled, a page names its variable products as parents and leaves their own records out (their price is
 * empty; their stock, when the parent manages one for all its variations, is not a SKU's stock); the pull then asks
 * each one's {@code /products/{id}/variations}, after a cursor of its own, and lists every variable product now and
 * then ({@code /products?type=variable}). A variation without a SKU of its own is listed with its parent's: its
 * SKU is taken out, so it is reported as a row without a key instead of overwriting the parent's product.
 */
public final class WooCommerceProducts implements PagedProductApi {

    public static final String PATH = "/wp-json/wc/v3/products";
    /** WooCommerce refuses a larger per_page. */
    public static final int MAX_PER_PAGE = 100;
    static final String TOTAL_PAGES = "X-WP-TotalPages";
    /** Marks a continuation: a time in the shop's own time zone, as the list is sorted. */
    static final String LOCAL = "local:";
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String authorization;
    private final int perPage;
    private final boolean variations;

    public WooCommerceProducts(String consumerKey, String consumerSecret, int perPage, boolean variations) {
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new IllegalArgumentException("per page must be 1 to " + MAX_PER_PAGE + ", not " + perPage);
        }
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((consumerKey + ":" + consumerSecret).getBytes(StandardCharsets.UTF_8));
        this.perPage = perPage;
        this.variations = variations;
    }

    @Override
    public PageRequest request(String cursor, int page) {
        return new PageRequest(PATH, query(cursor, page), authorization);
    }

    /** A continuation is in the shop's local time (the list's sort key); a cursor in GMT: they do not compare. */
    @Override
    public boolean isAfter(String a, String b) {
        if (a.startsWith(LOCAL) != b.startsWith(LOCAL)) {
            return true;
        }
        return time(a).isAfter(time(b));
    }

    /** Every variable product, oldest first (by id: products added meanwhile come last and shift nothing). */
    @Override
    public PageRequest parentsRequest(int page) {
        return new PageRequest(PATH, "per_page=" + perPage + "&page=" + page + "&type=variable&orderby=id&order=asc",
                authorization);
    }

    /** The variations of variable product {@code parent}, asked like the products: oldest change first. */
    @Override
    public PageRequest childRequest(Parent parent, String cursor, int page) {
        if (!parent.id().matches("\\d+")) {
            throw new IllegalArgumentException("'" + parent.id() + "' is not a WooCommerce product id");
        }
        return new PageRequest(PATH + "/" + parent.id() + "/variations", query(cursor, page), authorization);
    }

    /**
     * A cursor (GMT) asks with {@code dates_are_gmt=true}; a continuation (local, {@value #LOCAL}…) without: WordPress
     * sorts the list by the local modified time, so within one pull the next page is asked after that same column
     * (GMT and local order differ in the hour a daylight-saving change repeats).
     */
    private String query(String cursor, int page) {
        boolean local = cursor != null && cursor.startsWith(LOCAL);
        String query = "per_page=" + perPage + "&page=" + page + "&orderby=modified&order=asc&dates_are_gmt=" + !local;
        if (cursor != null) {
            query += "&modified_after=" + SECONDS.format(time(cursor).minusSeconds(1));
        }
        return query;
    }

    @Override
    public Page read(byte[] body, UnaryOperator<String> header, int page, Parent parent) {
        int records = 0;
        LocalDateTime newest = null;
        LocalDateTime newestLocal = null;
        List<Parent> parents = new ArrayList<>();
        ArrayNode applied = JSON.createArrayNode();
        boolean changed = false;
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw notProducts(page, body, null);
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token == null) {
                    throw notProducts(page, body, null); // cut off
                }
                records++; // a record that is not a product is the feed reader's to report, with its position
                JsonNode record = parser.readValueAsTree();
                record = record == null ? JSON.nullNode() : record;
                JsonNode modified = record.get("date_modified_gmt");
                if (modified != null && modified.isTextual()) {
                    LocalDateTime at = parse(modified.textValue());
                    newest = newest == null || at.isAfter(newest) ? at : newest;
                }
                JsonNode modifiedLocal = record.get("date_modified");
                if (modifiedLocal != null && modifiedLocal.isTextual()) {
                    LocalDateTime at = parse(modifiedLocal.textValue());
                    newestLocal = newestLocal == null || at.isAfter(newestLocal) ? at : newestLocal;
                }
                if (variations && isVariable(record)) {
                    String sku = record.path("sku").asText("");
                    parents.add(new Parent(record.get("id").asText(), sku.isEmpty() ? null : sku));
                    changed = true; // its stock and prices are its variations'
                    continue;
                }
                if (parent != null && inheritsSku(record, parent)) {
                    ((ObjectNode) record).putNull("sku");
                    changed = true;
                }
                applied.add(record);
            }
        } catch (IOException e) {
            throw notProducts(page, body, e);
        }
        boolean last = records < perPage || page >= totalPages(header);
        String cursor = newest == null ? null : SECONDS.format(newest);
        String continuation = newestLocal == null ? null : LOCAL + SECONDS.format(newestLocal);
        return new Page(records, cursor, continuation, last, parents, changed ? bytes(applied) : body, applied.size());
    }

    /** WooCommerce lists a variation without a SKU of its own with its parent's. */
    private static boolean inheritsSku(JsonNode record, Parent parent) {
        String sku = record.path("sku").asText("");
        return record.isObject() && !sku.isEmpty() && sku.equals(parent.key());
    }

    private static boolean isVariable(JsonNode record) {
        return "variable".equals(record.path("type").asText()) && record.path("id").canConvertToLong();
    }

    private static byte[] bytes(ArrayNode records) {
        try {
            return JSON.writeValueAsBytes(records);
        } catch (IOException e) {
            throw new IllegalStateException("a page read as JSON could not be written again", e);
        }
    }

    private static int totalPages(UnaryOperator<String> header) {
        String total = header.apply(TOTAL_PAGES);
        try {
            return total == null ? Integer.MAX_VALUE : Integer.parseInt(total.trim());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE; // a proxy mangled it: page until a short page instead
        }
    }

    /** The time of a cursor (GMT) or continuation (local). */
    private static LocalDateTime time(String cursorOrContinuation) {
        return parse(cursorOrContinuation.startsWith(LOCAL) ? cursorOrContinuation.substring(LOCAL.length()) : cursorOrContinuation);
    }

    private static LocalDateTime parse(String gmt) {
        try {
            return LocalDateTime.parse(gmt);
        } catch (DateTimeParseException e) {
            throw new UnexpectedAnswerException("'" + gmt + "' is not a WooCommerce date such as 2017-03-23T20:01:14", e);
        }
    }

    private static UnexpectedAnswerException notProducts(int page, byte[] body, Exception cause) {
        String start = new String(body, 0, Math.min(body.length, 80), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        return new UnexpectedAnswerException("page " + page + " of " + PATH + " is not a JSON array of products (it starts '"
                + start + "'); is the base URL the shop's WordPress address?", cause);
    }
}
