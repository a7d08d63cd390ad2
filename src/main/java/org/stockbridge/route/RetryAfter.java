package org.stockbridge.route;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * Honours an HTTP {@code Retry-After} (429 Too Many Requests, 503 Service Unavailable): the next redelivery waits
 * as long as the server asked instead of the usual backoff, capped so that a bogus answer does not park a
 * scheduler thread for a day. Runs as the error handler's {@code onExceptionOccurred}, which Camel calls before it
 * computes the redelivery delay — and that computation takes the header {@link Exchange#REDELIVERY_DELAY} when set.
 */
final class RetryAfter implements Processor {

    private final Duration max;
    private final Clock clock;

    RetryAfter(Duration max, Clock clock) {
        this.max = max;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        // a delay asked for by an earlier failure must not stick to this one
        exchange.getIn().removeHeader(Exchange.REDELIVERY_DELAY);
        Throwable failure = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (failure instanceof HttpOperationFailedException http && http.getResponseHeaders() != null) {
            String value = header(http.getResponseHeaders(), "Retry-After");
            Duration wait = value == null ? null : parse(value.trim());
            if (wait != null) {
                exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, Math.min(wait.toMillis(), max.toMillis()));
            }
        }
    }

    /** Seconds, or an HTTP date (RFC 9110); null when it is neither. */
    private Duration parse(String value) {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(clock.instant(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException neither) {
                return null;
            }
        }
    }

    private static String header(Map<String, String> headers, String name) {
        return headers.entrySet().stream().filter(e -> name.equalsIgnoreCase(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}
