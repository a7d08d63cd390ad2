package org.stockbridge.route;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.RouteTemplateContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stockbridge.format.PagedProductApi;
import org.stockbridge.hub.ApiCursorStore;

/**
 * The steps of one api-to-hub route around its HTTP call, bound as that route's local beans: read the cursor, build
 * each page's request, read each answer, and move the cursor on once a page has been applied. What one pull has
 * reached lives in exchange properties, so the steps share no state between runs.
 */
final class ApiPull {

    static final String MORE_PAGES = "StockbridgeApiMorePages";
    static final String PAGE_RECORDS = "StockbridgeApiPageRecords";
    /** The data kind pulled: the cursor's name in the hub. */
    static final String PRODUCTS = "products";
    private static final String RUN_CURSOR = "StockbridgeApiRunCursor";
    private static final String PAGE = "StockbridgeApiPage";
    private static final String PAGE_CURSOR = "StockbridgeApiPageCursor";
    private static final Logger LOG = LoggerFactory.getLogger(ApiPull.class);

    private final String connection;
    private final PagedProductApi api;
    private final ApiCursorStore cursors;

    ApiPull(String connection, PagedProductApi api, ApiCursorStore cursors) {
        this.connection = connection;
        this.api = api;
        this.cursors = cursors;
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
     * Every page of one pull asks for changes after the cursor the pull started with: the cursor moves on page by
     * page, but asking with the moved cursor would shift the pages under the page number.
     */
    private void start(Exchange exchange) {
        exchange.setProperty(RUN_CURSOR, cursors.get(connection, PRODUCTS).orElse(null));
        exchange.setProperty(PAGE, 0);
        exchange.setProperty(MORE_PAGES, true);
    }

    private void request(Exchange exchange) {
        int page = exchange.getProperty(PAGE, Integer.class) + 1;
        exchange.setProperty(PAGE, page);
        PagedProductApi.PageRequest request = api.request(exchange.getProperty(RUN_CURSOR, String.class), page);
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
        byte[] body = in.getBody(byte[].class);
        PagedProductApi.Page answer = api.read(body == null ? new byte[0] : body, name -> in.getHeader(name, String.class), page);
        exchange.setProperty(PAGE_RECORDS, answer.records());
        exchange.setProperty(PAGE_CURSOR, answer.cursor());
        exchange.setProperty(MORE_PAGES, answer.records() > 0 && !answer.last());
        in.setHeader(FeedHeaders.FILE_NAME, connection + "-" + PRODUCTS + "-page-" + page + ".json");
        in.setBody(body);
    }

    /** Only after the page was applied: a pull that fails later starts again from this page's end, not before it. */
    private void advance(Exchange exchange) {
        String cursor = exchange.getProperty(PAGE_CURSOR, String.class);
        if (cursor != null) {
            cursors.save(connection, PRODUCTS, cursor);
            LOG.debug("{}: {} cursor now {}", connection, PRODUCTS, cursor);
        }
    }
}
