package org.stockbridge.route;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.stockbridge.format.ItemOutcome;
import org.stockbridge.format.ItemResults;
import org.stockbridge.format.ShopRequest;
import org.stockbridge.push.OutboundShop;
import org.stockbridge.push.PushPlan;

/**
 * One {@link ShopRequest} on a hub-to-shop exchange: turned into what Camel's HTTP producer sends, and the answer
 * turned back into per-item results by the shop's format.
 */
final class ShopExchange {

    static final String PLAN = "StockbridgePushPlan";
    static final String REQUEST = "StockbridgeShopRequest";
    static final String UNREACHABLE = "StockbridgeShopUnreachable";

    private ShopExchange() {
    }

    static PushPlan plan(Exchange exchange) {
        return exchange.getProperty(PLAN, PushPlan.class);
    }

    static ShopRequest request(Exchange exchange) {
        return exchange.getProperty(REQUEST, ShopRequest.class);
    }

    /** The split hands each request over as the body; it moves to a property, the body becomes the HTTP body. */
    static void prepare(Exchange exchange) {
        ShopRequest request = exchange.getIn().getBody(ShopRequest.class);
        exchange.setProperty(REQUEST, request);
        prepare(exchange.getIn(), plan(exchange).shop(), request);
    }

    /** The message becomes what Camel's HTTP producer sends for {@code request} to {@code shop}. */
    static void prepare(Message in, OutboundShop shop, ShopRequest request) {
        // the HTTP producer sends every header: only the request's own go out
        in.removeHeaders("*");
        request.headers().forEach(in::setHeader);
        in.setHeader(Exchange.HTTP_METHOD, request.method());
        in.setHeader(Exchange.HTTP_URI, request.url(shop.baseUrl()));
        if (request.contentType() != null) {
            in.setHeader(Exchange.CONTENT_TYPE, request.contentType());
        }
        in.setBody(request.contentType() == null ? null : request.body());
    }

    /** The shop's answer, read by its format; credentials leave the message first. */
    static ItemResults answer(Exchange exchange) {
        Message in = exchange.getIn();
        int status = status(in);
        String body = in.getBody(String.class);
        Map<String, List<String>> headers = answerHeaders(in);
        ShopRequest request = request(exchange);
        return plan(exchange).shop().format().readResponse(request, status, headers, body == null ? "" : body);
    }

    static int status(Message in) {
        return in.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
    }

    /** The answer's own headers (not Camel's), taken off the message so nothing of the exchange lingers. */
    static Map<String, List<String>> answerHeaders(Message in) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        in.getHeaders().forEach((name, value) -> {
            if (!name.startsWith("Camel") && value != null) {
                headers.put(name, value instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                        : List.of(String.valueOf(value)));
            }
        });
        in.removeHeaders("*");
        return headers;
    }

    /** The endpoint a shop's requests go through; each request's own URL comes in {@code CamelHttpUri}. */
    static String endpoint(OutboundShop shop) {
        return shop.baseUrl().getScheme() + "://" + shop.baseUrl().getAuthority() + "?throwExceptionOnFailure=false";
    }

    /** The shop could not be reached (refused, timed out): every item is retried later. */
    static ItemResults unreachable(Exchange exchange) {
        exchange.getIn().removeHeaders("*");
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        return ItemResults.all(request(exchange), ItemOutcome.RETRYABLE,
                "could not reach the shop: " + (e == null ? "unknown error" : e.getClass().getSimpleName() + ": " + e.getMessage()),
                Optional.empty());
    }
}
