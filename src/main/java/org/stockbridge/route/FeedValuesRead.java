package org.stockbridge.route;

import java.util.concurrent.CompletableFuture;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.SynchronizationAdapter;
import org.springframework.stereotype.Component;
import org.stockbridge.feed.intake.FeedIngestion;
import org.stockbridge.feed.intake.FeedMappings;
import org.stockbridge.hub.LinkedValues;

/**
 * Starts reading the hub's values of the connection's linked products as soon as a file arrives, before it is
 * staged: the read of a large catalogue and the staging copy take about as long as each other, and the validation
 * that follows the copy waits for nothing else, so the values are ready when the apply pass starts instead of
 * after it (docs/benchmarks.md). {@link FeedIntake} hands the read to the ingestion. A file skipped as a duplicate,
 * or whose staging fails, drops the read; it is awaited when the exchange is over either way, so no read outlives
 * its file.
 */
@Component("feedValuesRead")
public class FeedValuesRead implements Processor {

    /** Exchange property holding the read: a {@code CompletableFuture<LinkedValues>}. */
    public static final String VALUES = "StockbridgeFeedValues";

    private final FeedIngestion ingestion;
    private final FeedMappings mappings;

    public FeedValuesRead(FeedIngestion ingestion, FeedMappings mappings) {
        this.ingestion = ingestion;
        this.mappings = mappings;
    }

    @Override
    public void process(Exchange exchange) {
        String connection = exchange.getIn().getHeader(FeedHeaders.CONNECTION, String.class);
        String mapping = exchange.getIn().getHeader(FeedHeaders.MAPPING, String.class);
        CompletableFuture<LinkedValues> values = ingestion.readValues(connection, mappings.get(mapping));
        exchange.setProperty(VALUES, values);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                values.exceptionally(failed -> null).join();
            }
        });
    }

    /**
     * For a route whose files bring only products that changed (api-to-hub's pages, pulled after a cursor): no
     * read of the connection's whole catalogue for each page; every row goes to the database, which compares it
     * with the hub's values under the product's lock as it writes.
     */
    public static void notRead(Exchange exchange) {
        exchange.setProperty(VALUES, CompletableFuture.completedFuture(LinkedValues.NONE));
    }

    /** The read {@link #process} started for this exchange, or null when the route has no such step. */
    @SuppressWarnings("unchecked")
    static CompletableFuture<LinkedValues> of(Exchange exchange) {
        return exchange.getProperty(VALUES, CompletableFuture.class);
    }
}
