package org.stockbridge.route;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.stockbridge.format.ItemOutcome;
import org.stockbridge.format.ItemResults;
import org.stockbridge.format.ShopAnswer;
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
    static final String PACE_TURN = "StockbridgePaceTurn";

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
        prepare(exchange, plan(exchange).shop());
    }

    /** Like {@link #prepare(Exchange)}, for a request to {@code shop} that is not part of a push plan. */
    static void prepare(Exchange exchange, OutboundShop shop) {
        ShopRequest request = exchange.getIn().getBody(ShopRequest.class);
        exchange.setProperty(REQUEST, request);
        Message in = exchange.getIn();
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

    /**
     * The producer endpoint for a shop's requests: Camel's HTTP component at the shop's scheme and host; each
     * request's own URL is in {@link Exchange#HTTP_URI}. {@code throwOnFailure}: a non-2xx answer raises Camel's
     * {@code HttpOperationFailedException}, so the shared error handling retries it ({@link ErrorHandlingRoutes}).
     * HttpClient never re-sends by itself ({@link ShopHttpClient}).
     */
    static String endpoint(OutboundShop shop, boolean throwOnFailure) {
        return shop.baseUrl().getScheme() + "://" + shop.baseUrl().getAuthority()
                + "?throwExceptionOnFailure=" + throwOnFailure + "&httpClientConfigurer=#" + ShopHttpClient.NO_REPLAY;
    }

    /** The shop's answer, read by its format; credentials leave the message first. */
    static ItemResults answer(Exchange exchange) {
        ShopAnswer answer = received(exchange);
        ShopRequest request = request(exchange);
        return plan(exchange).shop().format().readResponse(request, answer.status(), answer.headers(), answer.body());
    }

    /** The answer on the message as the shop sent it (status, headers, body); every header leaves the message. */
    static ShopAnswer received(Exchange exchange) {
        Message in = exchange.getIn();
        int status = in.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        String body = in.getBody(String.class);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        in.getHeaders().forEach((name, value) -> {
            if (!name.startsWith("Camel") && value != null) {
                headers.put(name, value instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                        : List.of(String.valueOf(value)));
            }
        });
        in.removeHeaders("*");
        return new ShopAnswer(status, headers, body);
    }

    /** The shop could not be reached (refused, timed out): every item is retried later. */
    static ItemResults unreachable(Exchange exchange) {
        return ItemResults.all(request(exchange), ItemOutcome.RETRYABLE, unreachableReason(exchange), Optional.empty());
    }

    /** Why the shop could not be reached, from the exception a {@code doCatch} caught; headers leave the message. */
    static String unreachableReason(Exchange exchange) {
        exchange.getIn().removeHeaders("*");
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        return "could not reach the shop: " + (e == null ? "unknown error" : e.getClass().getSimpleName() + ": " + e.getMessage());
    }
}
