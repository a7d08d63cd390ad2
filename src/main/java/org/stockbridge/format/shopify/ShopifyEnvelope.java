package org.stockbridge.format.shopify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.stockbridge.format.AnswerProblem;
import org.stockbridge.format.FormatJson;
import org.stockbridge.format.ShopAnswer;

/**
 * What every Admin GraphQL answer shares, read once for mutations and the product list: the HTTP status (through
 * {@link AnswerProblem#ofStatus}, so a 429 or 5xx means what it means for every format), then the top-level
 * {@code errors}, then {@code data}.
 * <p>
 * Shopify answers a throttled call with HTTP 200 and an error whose {@code extensions.code} is {@code THROTTLED};
 * the answer's {@code extensions.cost} says what the call asked for ({@code requestedQueryCost}) and what the bucket
 * holds ({@code throttleStatus.currentlyAvailable}, refilled at {@code restoreRate} points a second). The call is
 * retried once the missing points have flowed back in: (requested − available) / restore rate.
 */
final class ShopifyEnvelope {

    static final String THROTTLED = "THROTTLED";

    /** Codes that mean "not now": Shopify's own trouble, or the same idempotency key still being processed. */
    static final Set<String> RETRYABLE_CODES = Set.of(THROTTLED, "INTERNAL_SERVER_ERROR", "SERVICE_UNAVAILABLE",
            "IDEMPOTENCY_CONCURRENT_REQUEST");

    private ShopifyEnvelope() {
    }

    /** Either {@code data}, or the problem with the whole call; exactly one is non-null. */
    record Outcome(JsonNode data, AnswerProblem problem) {
    }

    static Outcome read(ShopAnswer answer) {
        Optional<AnswerProblem> status = AnswerProblem.ofStatus(answer);
        if (status.isPresent()) {
            return new Outcome(null, status.get());
        }
        JsonNode root = FormatJson.read(answer.body()).filter(JsonNode::isObject).orElse(null);
        if (root == null) {
            return new Outcome(null, AnswerProblem.unreadable(answer, "not a GraphQL answer"));
        }
        JsonNode errors = root.get("errors");
        if (errors != null && errors.isArray() && !errors.isEmpty()) {
            return new Outcome(null, problem(root, errors));
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            return new Outcome(null, AnswerProblem.unreadable(answer, "no data"));
        }
        return new Outcome(data, null);
    }

    private static AnswerProblem problem(JsonNode root, JsonNode errors) {
        List<String> said = new ArrayList<>();
        boolean throttled = false;
        boolean retryable = true;
        for (JsonNode error : errors) {
            String code = FormatJson.text(error.path("extensions"), "code");
            String message = FormatJson.text(error, "message");
            said.add((code == null ? "" : code + ": ") + (message == null ? "no message" : message));
            // older answers carry only the message "Throttled", without extensions
            boolean throttle = THROTTLED.equals(code) || code == null && "Throttled".equalsIgnoreCase(message);
            throttled |= throttle;
            retryable &= throttle || code != null && RETRYABLE_CODES.contains(code);
        }
        String reason = "Shopify " + String.join("; ", said);
        if (throttled) {
            return new AnswerProblem(true, reason, throttleWait(root.path("extensions").path("cost")));
        }
        // any other error (a query the API version does not know, ACCESS_DENIED for a missing scope) fails again
        return retryable ? new AnswerProblem(true, reason, Optional.empty()) : AnswerProblem.refused(reason);
    }

    /** How long until the bucket holds what the call asked for; empty without the figures (the route backs off). */
    static Optional<Duration> throttleWait(JsonNode cost) {
        JsonNode status = cost.path("throttleStatus");
        double requested = cost.path("requestedQueryCost").asDouble(Double.NaN);
        double available = status.path("currentlyAvailable").asDouble(Double.NaN);
        double restoreRate = status.path("restoreRate").asDouble(Double.NaN);
        if (Double.isNaN(requested) || Double.isNaN(available) || !(restoreRate > 0)) {
            return Optional.empty();
        }
        double missing = Math.max(requested - available, 1);
        return Optional.of(Duration.ofMillis((long) Math.ceil(missing * 1000 / restoreRate)));
    }
}
