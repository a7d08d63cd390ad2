package org.stockbridge.format;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Why a whole request failed, and whether sending it again may help. One place decides this for every format,
 * so a 503 from WooCommerce and a 503 from BaseLinker are treated alike:
 * <ul>
 *   <li>408, 425, 429 and every 5xx are retryable: the shop is busy or down, not refusing the values;
 *       {@code Retry-After} (seconds or an HTTP date) is passed on for the route's redelivery;</li>
 *   <li>any other status outside 2xx failed: a 401/403 (bad credentials), 404 (wrong base URL) or 413 (batch
 *       larger than the shop allows) will fail again until an operator changes something;</li>
 *   <li>a 2xx answer the format cannot read is retryable: pushes are absolute, so sending again is harmless.</li>
 * </ul>
 */
public record AnswerProblem(boolean retryable, String reason, Optional<Duration> retryAfter) {

    private static final int MAX_QUOTED = 200;

    /** The problem with a non-2xx answer; empty for a 2xx answer the format must read itself. */
    public static Optional<AnswerProblem> ofStatus(ShopAnswer answer) {
        return ofStatus(answer, Clock.systemUTC());
    }

    static Optional<AnswerProblem> ofStatus(ShopAnswer answer, Clock clock) {
        int status = answer.status();
        if (answer.successful()) {
            return Optional.empty();
        }
        String reason = "HTTP " + status + shopSays(answer.body());
        boolean retryable = status == 408 || status == 425 || status == 429 || status >= 500;
        Optional<Duration> after = retryable ? retryAfter(answer.header("Retry-After"), clock) : Optional.empty();
        return Optional.of(new AnswerProblem(retryable, reason, after));
    }

    /** A 2xx answer the format could not make sense of. */
    public static AnswerProblem unreadable(ShopAnswer answer, String what) {
        return new AnswerProblem(true, "unreadable answer (HTTP " + answer.status() + "): " + what
                + "; body starts: " + quote(answer.body()), Optional.empty());
    }

    /** The shop refused the request in its body although HTTP said 2xx (BaseLinker's {@code status: ERROR}). */
    public static AnswerProblem refused(String reason) {
        return new AnswerProblem(false, reason, Optional.empty());
    }

    public ItemResults toResults(ShopRequest request) {
        return ItemResults.all(request, retryable ? ItemOutcome.RETRYABLE : ItemOutcome.FAILED, reason, retryAfter);
    }

    public ShopAnswerException toException(ShopRequest request) {
        String what = request.method() + (request.path().isEmpty() ? "" : " " + request.path())
                + (request.page() > 0 ? ", page " + request.page() : "");
        return new ShopAnswerException("connection '" + request.connection() + "', " + what + ": " + reason,
                retryable, retryAfter);
    }

    /** ": code: message" from a JSON error body ({@code code}/{@code message} or BaseLinker's names), else the start of the body. */
    private static String shopSays(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        Optional<JsonNode> json = FormatJson.read(body);
        if (json.isPresent()) {
            String code = FormatJson.text(json.get(), "code", "error_code");
            String message = FormatJson.text(json.get(), "message", "error_message");
            if (code != null || message != null) {
                return ": " + (code == null ? "" : code + (message == null ? "" : ": ")) + (message == null ? "" : message);
            }
        }
        return ": " + quote(body);
    }

    static String quote(String body) {
        String flat = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return flat.length() <= MAX_QUOTED ? flat : flat.substring(0, MAX_QUOTED) + "…";
    }

    static Optional<Duration> retryAfter(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
