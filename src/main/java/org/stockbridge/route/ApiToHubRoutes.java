package org.stockbridge.route;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import org.apache.camel.RouteTemplateContext;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.stockbridge.feed.FeedFormat;
import org.stockbridge.feed.FeedMapping;
import org.stockbridge.feed.FeedType;
import org.stockbridge.feed.intake.FeedMappings;
import org.stockbridge.format.woocommerce.WooCommerceProducts;
import org.stockbridge.hub.ApiCursorStore;
import org.stockbridge.hub.ReferenceDataStore;

/**
 * Route template {@code api-to-hub}: products, stock and prices of a superior shop or ERP pulled over its API on a
 * schedule, only what changed since the last pull (an incremental cursor kept in the hub). The first API is
 * WooCommerce's REST API ({@link WooCommerceProducts}).
 * <p>
 * Each run asks for the changes after the cursor page by page; every page is staged and ingested exactly like a feed
 * file ({@code feedStaging}, {@code feedIntake}: the route's mapping, validation, reports, a feed_run named
 * {@code <connection>-products-page-<n>.json}) but for one step: a page holds only products changed since the
 * cursor, so its rows are not compared with a read of the connection's whole catalogue first, as a feed file's are
 * (with a million linked products, every page of a first pull would have read them all); the cursor moves to the
 * page's newest change once the page is applied. A failure — after the shared retries, {@link ErrorHandlingRoutes}
 * — leaves the cursor where the last applied page put it, so the next run re-reads at most one page; values are
 * absolute, so that is harmless.
 * <p>
 * Unlike feed-to-hub, pages do not go through the feed-files idempotent repository: the cursor already says what was
 * applied, and a page identical to an earlier one (a price changed and changed back, a stock count that returned
 * to a previous value) is news that must be applied, not a re-upload to skip.
 * <p>
 * The consumer key and secret are read once when the route is created (placeholders such as
 * {@code {{env:WOO_MAIN_SECRET}}} resolved) and kept only in the route's local beans: they appear in no route
 * definition, endpoint URI, log line or error message.
 */
@Component
public class ApiToHubRoutes extends RouteBuilder implements RouteTemplateSpec {

    public static final String TEMPLATE = "api-to-hub";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^{}]*}}");
    private static final Logger LOG = LoggerFactory.getLogger(ApiToHubRoutes.class);

    private final FeedMappings mappings;
    private final ReferenceDataStore reference;
    private final ApiCursorStore cursors;
    private final Clock clock;

    public ApiToHubRoutes(FeedMappings mappings, ReferenceDataStore reference, ApiCursorStore cursors, Clock clock) {
        this.mappings = mappings;
        this.reference = reference;
        this.cursors = cursors;
        this.clock = clock;
    }

    @Override
    public String template() {
        return TEMPLATE;
    }

    @Override
    public List<TemplateParameter> parameters() {
        return List.of(
                TemplateParameter.required("connection",
                        "Id of the superior shop or ERP pulled from (declared under stockbridge.connections), e.g. woo-main"),
                TemplateParameter.required("schedule",
                        "Camel consumer URI that starts each pull, e.g. quartz:woo-main-products?cron=0+*/5+*+*+*+?&stateful=true "
                                + "(every 5 minutes, one instance at a time in a cluster)"),
                TemplateParameter.required("baseUrl",
                        "The shop's WordPress address, without a trailing slash, e.g. https://shop.example.com "
                                + "(WooCommerce accepts the key and secret over HTTPS only)"),
                TemplateParameter.required("consumerKey",
                        "WooCommerce REST API consumer key (ck_...), read access is enough; give a placeholder such as "
                                + "{{env:WOO_MAIN_KEY}}, never the key itself"),
                TemplateParameter.required("consumerSecret",
                        "WooCommerce REST API consumer secret (cs_...); give a placeholder such as {{env:WOO_MAIN_SECRET}}"),
                new TemplateParameter("mapping", false, "woocommerce-products.yaml",
                        "JSON mapping file in the mappings folder for one page of products (recordPath /)"),
                new TemplateParameter("perPage", false, String.valueOf(WooCommerceProducts.MAX_PER_PAGE),
                        "Products per page, 1 to " + WooCommerceProducts.MAX_PER_PAGE),
                new TemplateParameter("variations", false, "true",
                        "Whether variable products' variations are pulled too (one request per variable product and pull, "
                                + "after a cursor of its own); false: only /products"),
                new TemplateParameter("listVariableProductsEvery", false, "PT24H",
                        "How often every variable product is listed (ISO-8601 duration), to learn the ones not seen "
                                + "change and to forget the ones deleted"));
    }

    @Override
    public void validate(Map<String, String> values) {
        if (values.get("connection") != null) {
            TemplateParameters.superiorConnection(values.get("connection"), reference);
        }
        FeedMapping mapping = TemplateParameters.mapping(values.getOrDefault("mapping", "woocommerce-products.yaml"), mappings);
        if (mapping.format() != FeedFormat.JSON) {
            throw new IllegalArgumentException("parameter 'mapping': the API answers JSON, so the mapping must have format json");
        }
        // each page is applied as one feed: a full one would zero every linked product missing from that page
        if (mapping.feedType() == FeedType.FULL) {
            throw new IllegalArgumentException("parameter 'mapping': a pull brings the products changed since the last "
                    + "one, page by page, so the mapping must have feedType delta, not full");
        }
    }

    @Override
    public void configure() {
        declareOn(routeTemplate(TEMPLATE), this::bind)
                .from("{{schedule}}")
                    .routeProperty(TemplateRouteIds.TEMPLATE, TEMPLATE) // id <connection>-api-to-hub unless routeId is given
                    .routeDescription("{{connection}} products, stock and prices pulled from {{baseUrl}} (mapping {{mapping}})")
                    .process("{{apiPullStart}}")
                    .loopDoWhile(exchangeProperty(ApiPull.MORE_PAGES))
                        .process("{{apiPageRequest}}")
                        // 404 is the pull's to read: a variable product deleted since it was listed
                        .to("{{baseUrl}}?okStatusCodeRange=200-299,404")
                        .process("{{apiPageRead}}")
                        .filter(exchangeProperty(ApiPull.PAGE_RECORDS).isGreaterThan(0))
                            .setHeader(FeedHeaders.CONNECTION, constant("{{connection}}"))
                            .setHeader(FeedHeaders.MAPPING, constant("{{mapping}}"))
                            .bean("feedIntake", "valuesNotRead")
                            .process("feedStaging")
                            .process("feedIntake")
                        .end()
                        .process("{{apiCursorAdvance}}")
                    .end();
    }

    /** Checks that need resolved placeholders, then binds the pull (with the credentials) as the route's local beans. */
    private void bind(RouteTemplateContext context) {
        String connection = TemplateParameters.required(TEMPLATE, context, "connection");
        String baseUrl = resolved(context, "baseUrl");
        if (!baseUrl.matches("https?://[^?#]+") || baseUrl.endsWith("/")) {
            throw invalid("baseUrl", "'" + baseUrl + "' is not an http(s) address without query or trailing slash, "
                    + "such as https://shop.example.com");
        }
        if (baseUrl.startsWith("http://")) {
            LOG.warn("{}: {} is not HTTPS: the WooCommerce key and secret travel unencrypted, and WooCommerce itself "
                    + "accepts them over HTTPS only", connection, baseUrl);
        }
        boolean variations = variations(context);
        new ApiPull(connection, new WooCommerceProducts(resolved(context, "consumerKey"), resolved(context, "consumerSecret"),
                perPage(context), variations), cursors, variations, listEvery(context), clock).bindTo(context);
    }

    private int perPage(RouteTemplateContext context) {
        String value = resolved(context, "perPage");
        try {
            int perPage = Integer.parseInt(value.trim());
            if (perPage >= 1 && perPage <= WooCommerceProducts.MAX_PER_PAGE) {
                return perPage;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid("perPage", "'" + value + "' is not a whole number from 1 to " + WooCommerceProducts.MAX_PER_PAGE);
    }

    private static Duration listEvery(RouteTemplateContext context) {
        String value = resolved(context, "listVariableProductsEvery").trim();
        try {
            Duration every = Duration.parse(value);
            if (!every.isNegative()) {
                return every;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw invalid("listVariableProductsEvery", "'" + value + "' is not an ISO-8601 duration such as PT24H");
    }

    private static boolean variations(RouteTemplateContext context) {
        String value = resolved(context, "variations").trim();
        if (!value.equals("true") && !value.equals("false")) {
            throw invalid("variations", "'" + value + "' is neither true nor false");
        }
        return Boolean.parseBoolean(value);
    }

    /**
     * The parameter with its placeholders resolved. An error names the placeholders only: neither the value (which
     * may be a secret itself) nor Camel's message (which may quote it).
     */
    private static String resolved(RouteTemplateContext context, String name) {
        String value = TemplateParameters.required(TEMPLATE, context, name);
        try {
            return context.getCamelContext().resolvePropertyPlaceholders(value);
        } catch (RuntimeException e) {
            throw invalid(name, "cannot resolve " + PLACEHOLDER.matcher(value).results().map(MatchResult::group).toList()
                    + " (is the environment variable or property set?)");
        }
    }

    private static IllegalArgumentException invalid(String parameter, String problem) {
        return new IllegalArgumentException("route template " + TEMPLATE + ": parameter '" + parameter + "': " + problem);
    }
}
