package org.stockbridge.route;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Error handling shared by every route (a Camel route configuration, not copied into each route): transport
 * faults — I/O errors, dropped FTP connections, HTTP 4xx/5xx and timeouts — are retried with exponential backoff
 * and then surfaced in the log and Hawtio's failed-exchange counts; a refused feed is not retried. A server that
 * answers with {@code Retry-After} (429, 503) is given the time it asked for ({@link RetryAfter}).
 */
@Component
public class ErrorHandlingRoutes extends RouteConfigurationBuilder {

    private final RetryAfter retryAfter;

    public ErrorHandlingRoutes(@Value("${stockbridge.retry.max-retry-after:PT5M}") Duration maxRetryAfter, Clock clock) {
        this.retryAfter = new RetryAfter(maxRetryAfter, clock);
    }

    @Override
    public void configuration() {
        // no id: Camel applies a route configuration that has an id only to routes naming it (routeConfigurationId);
        // one without an id applies to every route, templated or written in routes/*.yaml
        routeConfiguration()
                // the feed's own summary and report say why; no stack trace for a refused file
                .onException(FeedRejectedException.class)
                    .maximumRedeliveries(0)
                    .logStackTrace(false)
                    .logExhaustedMessageHistory(false)
                    .retriesExhaustedLogLevel(org.apache.camel.LoggingLevel.WARN)
                .end()
                .onException(IOException.class, HttpOperationFailedException.class)
                    .maximumRedeliveries("{{stockbridge.retry.attempts:3}}")
                    .redeliveryDelay("{{stockbridge.retry.initial-delay:1000}}")
                    .useExponentialBackOff()
                    .backOffMultiplier(2)
                    // a failed request to a shop gives its turn in the shop's pace back at once, not after the
                    // backoff, and its redelivery takes a new one: the shop counts it again
                    .onExceptionOccurred(exchange -> {
                        PaceTurn.failed(exchange); // first: Camel swallows what the processor throws
                        retryAfter.process(exchange);
                    })
                    .onRedelivery(PaceTurn::again)
                    .retryAttemptedLogLevel(org.apache.camel.LoggingLevel.WARN)
                    .logExhausted(true)
                    .logExhaustedMessageHistory(false)
                .end();
    }
}
