package org.stockbridge.route;

import java.time.Clock;
import java.time.Duration;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.RouteTemplateContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockbridge.format.PagedProductApi;
import org.stockbridge.format.PagedProductApi.Parent;
import org.stockbridge.format.UnexpectedAnswerException;
import org.stockbridge.hub.ApiCursorStore;

/**
 * The steps of one api-to-hub route around its HTTP call, bound as that route's local beans: read the cursor, build
 * each page's request, read each answer, and move the cursor on once a page has been applied. What one pull has
 * reached lives in exchange properties, so the steps share no state between runs.
 * <p>
 * With items listed apart (WooCommerce's variations), a pull walks up to three lists:
 * <ol>
 * <li>the changed products (the parents among them are remembered);</li>
 * <li>every parent, when the last such walk is older than the rediscovery interval (or there was none, as on the
 * first pull or after turning variations on): parents it has not listed are forgotten, so a deleted product stops
 * costing a request per pull;</li>
 * <li>each known parent's changed items, after a cursor of that parent's own: a sale of one variation need not
 * change its parent, so every known parent is asked on every pull.</li>
 * </ol>
 * What the hub remembers of the parents between pulls is kept by {@link KnownParents}.
 */
final class ApiPull {

    static final String MORE_PAGES = "StockbridgeApiMorePages";
    static final String PAGE_RECORDS = "StockbridgeApiPageRecords";
    /** The data kind pulled: the cursor's name in the hub. */
    static final String PRODUCTS = "products";

    private static final String PHASE = "StockbridgeApiPhase";
    private static final String RUN_CURSOR = "StockbridgeApiRunCursor";
    private static final String PAGE = "StockbridgeApiPage";
    /** Pages of the list read so far in this pull: the n in the file name a page is ingested under. */
    private static final String LIST_PAGES = "StockbridgeApiListPages";
    private static final String PAGE_CURSOR = "StockbridgeApiPageCursor";
    private static final String PAGE_PARENTS = "StockbridgeApiPageParents";
    /** The cursor's name of the list the page read belongs to. */
    private static final String PAGE_LIST = "StockbridgeApiPageList";
    /** The parent whose items are being read. */
    private static final String PARENT = "StockbridgeApiParent";
    private static final String PARENTS_LEFT = "StockbridgeApiParentsLeft";
    /** Parents the walk of every parent has listed so far. */
    private static final String LISTED = "StockbridgeApiParentsListed";
    private static final String LISTING_DONE = "StockbridgeApiParentsListingDone";
    private static final Logger LOG = LoggerFactory.getLogger(ApiPull.class);

    private enum Phase { PARENTS, PRODUCTS, CHILDREN }

    private final String connection;
    private final PagedProductApi api;
    private final ApiCursorStore cursors;
    private final KnownParents parents;
    private final boolean children;
    private final Duration rediscovery;
    private final Clock clock;

    ApiPull(String connection, PagedProductApi api, ApiCursorStore cursors, boolean children, Duration rediscovery,
            Clock clock) {
        this.connection = connection;
        this.api = api;
        this.cursors = cursors;
        this.parents = new KnownParents(connection, cursors, clock);
        this.children = children;
        this.rediscovery = rediscovery;
        this.clock = clock;
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

    private void start(Exchange exchange) {
        exchange.removeProperty(PARENT);
        exchange.removeProperty(PARENTS_LEFT);
        exchange.removeProperty(LISTING_DONE);
        exchange.setProperty(MORE_PAGES, true);
        begin(exchange, Phase.PRODUCTS, cursor(PRODUCTS));
    }

    private void begin(Exchange exchange, Phase phase, String cursor) {
        exchange.setProperty(LIST_PAGES, 0);
        ask(exchange, phase, cursor);
    }

    private static void ask(Exchange exchange, Phase phase, String cursor) {
        exchange.setProperty(PHASE, phase);
        exchange.setProperty(PAGE, 0);
        exchange.setProperty(RUN_CURSOR, cursor);
    }

    private void request(Exchange exchange) {
        int page = exchange.getProperty(PAGE, Integer.class) + 1;
        exchange.setProperty(PAGE, page);
        String cursor = exchange.getProperty(RUN_CURSOR, String.class);
        PagedProductApi.PageRequest request = switch (exchange.getProperty(PHASE, Phase.class)) {
            case PARENTS -> api.parentsRequest(page);
            case PRODUCTS -> api.request(cursor, page);
            case CHILDREN -> api.childRequest(exchange.getProperty(PARENT, Parent.class), cursor, page);
        };
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
        Phase phase = exchange.getProperty(PHASE, Phase.class);
        Parent parent = phase == Phase.CHILDREN ? exchange.getProperty(PARENT, Parent.class) : null;
        exchange.setProperty(PAGE_LIST, switch (phase) {
            case PARENTS -> KnownParents.LISTED;
            case PRODUCTS -> PRODUCTS;
            case CHILDREN -> KnownParents.itemsCursor(parent);
        });
        exchange.setProperty(PAGE_RECORDS, 0);
        exchange.removeProperty(PAGE_CURSOR);
        exchange.removeProperty(PAGE_PARENTS);
        if (in.getHeader(Exchange.HTTP_RESPONSE_CODE, 200, Integer.class) == 404) {
            if (parent == null) {
                throw new UnexpectedAnswerException("the products list " + in.getHeader(Exchange.HTTP_PATH)
                        + " answered 404 Not Found; is the base URL the shop's address?");
            }
            LOG.info("{}: product {} is gone (404 on its {}); no longer asked for them", connection, parent.id(),
                    KnownParents.ITEMS);
            parents.forget(parent.id());
            nextParent(exchange);
            return;
        }
        byte[] body = in.getBody(byte[].class);
        PagedProductApi.Page answer = api.read(body == null ? new byte[0] : body, name -> in.getHeader(name, String.class),
                page, parent);
        List<Parent> named = children ? answer.parents() : List.of();
        exchange.setProperty(PAGE_PARENTS, named);
        boolean more = answer.records() > 0 && !answer.last();
        exchange.setProperty(MORE_PAGES, true);
        if (phase == Phase.PARENTS) {
            // nothing of it is taken in: it only says which parents there are
            Set<String> listed = listed(exchange);
            named.forEach(p -> listed.add(p.id()));
            if (!more) {
                parents.forgetUnlisted(listed);
                exchange.setProperty(LISTING_DONE, true);
                exchange.setProperty(PARENTS_LEFT, parents.walk(named));
                nextParent(exchange);
            }
            return;
        }
        exchange.setProperty(PAGE_RECORDS, answer.appliedRecords());
        exchange.setProperty(PAGE_CURSOR, answer.cursor());
        if (more) {
            nextPage(exchange, answer.continuation());
        }
        int listPage = exchange.getProperty(LIST_PAGES, Integer.class) + 1;
        exchange.setProperty(LIST_PAGES, listPage);
        in.setHeader(FeedHeaders.FILE_NAME, connection + "-" + (parent == null ? PRODUCTS : KnownParents.ITEMS + "-" + parent.id())
                + "-page-" + listPage + ".json");
        in.setBody(answer.applied());
        if (more) {
            return;
        }
        if (phase == Phase.PRODUCTS && children && parents.listedBefore(clock.instant().minus(rediscovery))) {
            exchange.setProperty(LISTED, new HashSet<String>());
            begin(exchange, Phase.PARENTS, null);
            return;
        }
        if (phase == Phase.PRODUCTS && children) {
            exchange.setProperty(PARENTS_LEFT, parents.walk(named));
        }
        nextParent(exchange);
    }

    /**
     * The next page of a list ordered by last change continues after the page just read: page 1 of the changes
     * after its newest, not the next page number. Numbered pages of one query shift under the pull: a product
     * changed meanwhile moves to the end and every product after its old place moves up one, so the first of an
     * unread page would slide onto a page already read and be passed by the cursor for good. Only when a whole page
     * lies within the second it was asked from (a bulk edit) does the page number go on, within that second.
     */
    private void nextPage(Exchange exchange, String continuation) {
        String asked = exchange.getProperty(RUN_CURSOR, String.class);
        if (continuation != null && (asked == null || api.isAfter(continuation, asked))) {
            ask(exchange, exchange.getProperty(PHASE, Phase.class), continuation);
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> listed(Exchange exchange) {
        return exchange.getProperty(LISTED, Set.class);
    }

    /** The next parent's items, or the end of the pull. */
    private void nextParent(Exchange exchange) {
        @SuppressWarnings("unchecked")
        Deque<Parent> left = exchange.getProperty(PARENTS_LEFT, Deque.class);
        Parent parent = left == null ? null : left.poll();
        exchange.setProperty(MORE_PAGES, parent != null);
        if (parent != null) {
            parents.started(parent);
            exchange.setProperty(PARENT, parent);
            begin(exchange, Phase.CHILDREN, cursor(KnownParents.itemsCursor(parent)));
        }
    }

    /**
     * Only after the page was applied: a pull that fails later starts again from this page's end, not before it.
     * The page's parents are remembered (their items' cursor empty until read) so later pulls ask them too.
     */
    private void advance(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<Parent> named = exchange.getProperty(PAGE_PARENTS, List.class);
        if (named != null) {
            parents.remember(named);
        }
        if (exchange.getProperty(LISTING_DONE, false, Boolean.class)) {
            exchange.removeProperty(LISTING_DONE);
            parents.listedNow();
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
