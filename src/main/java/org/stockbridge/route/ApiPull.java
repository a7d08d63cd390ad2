package org.stockbridge.route;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.RouteTemplateContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockbridge.format.PagedProductApi;
import org.stockbridge.format.UnexpectedAnswerException;
import org.stockbridge.hub.ApiCursorStore;

/**
 * The steps of one api-to-hub route around its HTTP call, bound as that route's local beans: read the cursor, build
 * each page's request, read each answer, and move the cursor on once a page has been applied. What one pull has
 * reached lives in exchange properties, so the steps share no state between runs.
 * <p>
 * A pull walks the changed products first, then the items listed apart under each known parent (WooCommerce's
 * variations), each parent with a cursor of its own ({@code <kind>/<parent id>}): a sale of one variation need not
 * change its parent, so every known parent is asked for its changed items on every pull. A parent becomes known
 * when a products page names it (the first pull reads every product), and is forgotten when the API no longer
 * knows it (404).
 */
final class ApiPull {

    static final String MORE_PAGES = "StockbridgeApiMorePages";
    static final String PAGE_RECORDS = "StockbridgeApiPageRecords";
    /** The data kind pulled: the cursor's name in the hub. */
    static final String PRODUCTS = "products";
    /** The items under a parent: their cursors are named {@code variations/<parent id>}. */
    static final String CHILDREN = "variations";
    private static final String RUN_CURSOR = "StockbridgeApiRunCursor";
    private static final String PAGE = "StockbridgeApiPage";
    private static final String PAGE_CURSOR = "StockbridgeApiPageCursor";
    private static final String PAGE_PARENTS = "StockbridgeApiPageParents";
    /** The cursor's name of the list the page read belongs to. */
    private static final String PAGE_LIST = "StockbridgeApiPageList";
    /** The parent whose items are being read; absent while the products are. */
    private static final String PARENT = "StockbridgeApiParent";
    private static final String PARENTS_LEFT = "StockbridgeApiParentsLeft";
    private static final Logger LOG = LoggerFactory.getLogger(ApiPull.class);

    private final String connection;
    private final PagedProductApi api;
    private final ApiCursorStore cursors;
    private final boolean children;

    ApiPull(String connection, PagedProductApi api, ApiCursorStore cursors, boolean children) {
        this.connection = connection;
        this.api = api;
        this.cursors = cursors;
        this.children = children;
    }

    /**
     * Binds the steps under the names the template's route refers to. Camel renames local beans to ids unique in
     * the context and hands the new id to the route through the placeholder of the same name, so the route writes
     * {@code {{apiPullStart}}}, not {@code apiPullStart}.
     */
    void bindTo(RouteTemplateContext context) {
        context.bind("apiPullStart", Processor.class, (Processor) this::start);
        context.bind("apiPageRequest", Processor.class, (Processor) this::request);
        context.bind("apiPageRead", Processor.class, (Processor) this::read);
        context.bind("apiCursorAdvance", Processor.class, (Processor) this::advance);
    }

    /**
     * Every page of one list asks for changes after the cursor the list started with: the cursor moves on page by
     * page, but asking with the moved cursor would shift the pages under the page number.
     */
    private void start(Exchange exchange) {
        exchange.setProperty(RUN_CURSOR, cursor(PRODUCTS));
        exchange.setProperty(PAGE, 0);
        exchange.setProperty(MORE_PAGES, true);
        exchange.removeProperty(PARENT);
        exchange.removeProperty(PARENTS_LEFT);
    }

    private void request(Exchange exchange) {
        int page = exchange.getProperty(PAGE, Integer.class) + 1;
        exchange.setProperty(PAGE, page);
        String parent = exchange.getProperty(PARENT, String.class);
        String cursor = exchange.getProperty(RUN_CURSOR, String.class);
        PagedProductApi.PageRequest request = parent == null ? api.request(cursor, page)
                : api.childRequest(parent, cursor, page);
        Message in = exchange.getIn();
        // the HTTP producer sends every header: only the request's own go out (nothing internal, no earlier answer's)
        in.removeHeaders("*");
        in.setHeader(Exchange.HTTP_METHOD, "GET");
        in.setHeader(Exchange.HTTP_PATH, request.path());
        in.setHeader(Exchange.HTTP_QUERY, request.query());
        in.setHeader("Authorization", request.authorization());
        in.setBody(null);
    }

    private void read(Exchange exchange) {
        Message in = exchange.getIn();
        in.removeHeader("Authorization");
        int page = exchange.getProperty(PAGE, Integer.class);
        String parent = exchange.getProperty(PARENT, String.class);
        byte[] body = in.getBody(byte[].class);
        exchange.setProperty(PAGE_LIST, parent == null ? PRODUCTS : CHILDREN + "/" + parent);
        if (in.getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class) == 404) {
            if (parent == null) {
                throw new UnexpectedAnswerException("the products list " + in.getHeader(
                        Exchange.HTTP_PATH) + " answered 404 Not Found; is the base URL the shop's address?");
            }
            // deleted since it was listed: nothing left to ask it for
            LOG.info("{}: product {} is gone (404 on its {}); no longer asked for them", connection, parent, CHILDREN);
            cursors.reset(connection, CHILDREN + "/" + parent);
            exchange.setProperty(PAGE_RECORDS, 0);
            exchange.removeProperty(PAGE_CURSOR);
            exchange.removeProperty(PAGE_PARENTS);
            nextList(exchange, Set.of());
            return;
        }
        PagedProductApi.Page answer = api.read(body == null ? new byte[0] : body, name -> in.getHeader(name, String.class), page);
        exchange.setProperty(PAGE_RECORDS, answer.appliedRecords());
        exchange.setProperty(PAGE_CURSOR, answer.cursor());
        exchange.setProperty(PAGE_PARENTS, children ? answer.parents() : List.of());
        in.setHeader(FeedHeaders.FILE_NAME, connection + "-" + (parent == null ? PRODUCTS : CHILDREN + "-" + parent)
                + "-page-" + page + ".json");
        in.setBody(answer.applied());
        if (answer.records() > 0 && !answer.last()) {
            exchange.setProperty(MORE_PAGES, true);
        } else {
            nextList(exchange, children ? answer.parents() : List.of());
        }
    }

    /**
     * The list read is at its end: the next is the first parent's items after the products, or the next parent's.
     * {@code named}: parents on the page just read (remembered only once it is applied, but asked in this pull).
     */
    private void nextList(Exchange exchange, Collection<String> named) {
        @SuppressWarnings("unchecked")
        Deque<String> left = exchange.getProperty(PARENTS_LEFT, Deque.class);
        if (left == null) {
            Set<String> parents = new LinkedHashSet<>(children ? cursors.names(connection, CHILDREN + "/") : Set.of());
            parents.addAll(named);
            left = new ArrayDeque<>(parents);
            exchange.setProperty(PARENTS_LEFT, left);
        }
        String parent = left.poll();
        exchange.setProperty(MORE_PAGES, parent != null);
        if (parent != null) {
            exchange.setProperty(PARENT, parent);
            exchange.setProperty(PAGE, 0);
            exchange.setProperty(RUN_CURSOR, cursor(CHILDREN + "/" + parent));
        }
    }

    /**
     * Only after the page was applied: a pull that fails later starts again from this page's end, not before it.
     * The page's parents are remembered (with no cursor yet) so later pulls ask them too.
     */
    private void advance(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<String> parents = exchange.getProperty(PAGE_PARENTS, List.class);
        if (parents != null) {
            for (String parent : parents) {
                if (cursors.get(connection, CHILDREN + "/" + parent).isEmpty()) {
                    cursors.save(connection, CHILDREN + "/" + parent, "");
                }
            }
        }
        String cursor = exchange.getProperty(PAGE_CURSOR, String.class);
        String list = exchange.getProperty(PAGE_LIST, String.class);
        if (cursor != null) {
            cursors.save(connection, list, cursor);
            LOG.debug("{}: {} cursor now {}", connection, list, cursor);
        }
    }

    /** The list's cursor; a parent remembered before its first items were read has none yet. */
    private String cursor(String list) {
        return cursors.get(connection, list).filter(value -> !value.isEmpty()).orElse(null);
    }
}
