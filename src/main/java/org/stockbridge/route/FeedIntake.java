package org.stockbridge.route;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.SynchronizationAdapter;
import org.springframework.stereotype.Component;
import org.stockbridge.feed.intake.FeedIngestion;
import org.stockbridge.feed.intake.FeedJob;
import org.stockbridge.feed.intake.FeedMappings;
import org.stockbridge.feed.intake.FeedOutcome;
import org.stockbridge.hub.LinkedValues;

/**
 * Ingests the staged feed. A rejected file fails the exchange ({@link FeedRejectedException}) so the consumer
 * moves it to its error folder and the idempotent repository does not remember it; the report lands in that
 * error folder. Applied and held files complete normally (a held feed is kept in the hub's data folder).
 * <p>
 * The hub's values the rows are compared with are read from the moment the file arrives ({@link #readValues},
 * the route's step before staging): the read of a large catalogue and the staging copy are independent work, and
 * the validation after the copy waits for nothing else. A route without that step reads them when the intake
 * starts; api-to-hub's pages are not compared with such a read at all ({@link #valuesNotRead}).
 */
@Component("feedIntake")
public class FeedIntake implements Processor {

    /** Exchange property holding the values read: a {@code CompletableFuture<LinkedValues>}. */
    static final String VALUES = "StockbridgeFeedValues";

    private final FeedIngestion ingestion;
    private final FeedMappings mappings;

    public FeedIntake(FeedIngestion ingestion, FeedMappings mappings) {
        this.ingestion = ingestion;
        this.mappings = mappings;
    }

    @Override
    public void process(Exchange exchange) {
        var in = exchange.getIn();
        // the staged copy is deleted when the exchange is over (FeedStaging), so a redelivery reads it again
        Path staged = Path.of(in.getHeader(FeedHeaders.STAGED_FILE, String.class));
        String mapping = in.getHeader(FeedHeaders.MAPPING, String.class);
        Path base = Path.of(in.getHeader(FeedHeaders.REPORT_DIR, String.class));
        // the report is written where the file will be: the done folder, or the error folder when rejected or failed
        FeedJob job = new FeedJob(in.getHeader(FeedHeaders.CONNECTION, String.class), mapping,
                mappings.get(mapping), staged, in.getHeader(FeedHeaders.FILE_NAME, String.class),
                in.getHeader(FeedHeaders.FILE_KEY, String.class), base.resolve(FeedStaging.DONE_FOLDER),
                base.resolve(FeedStaging.ERROR_FOLDER), true);
        // the hub's values, read since the file arrived; a route without that step reads them now
        @SuppressWarnings("unchecked")
        CompletableFuture<LinkedValues> values = exchange.getProperty(VALUES, CompletableFuture.class);
        FeedOutcome outcome = values != null ? ingestion.ingest(job, values) : ingestion.ingest(job);
        in.setHeader(FeedHeaders.OUTCOME, outcome.run().outcome());
        if (outcome.rejected()) {
            throw new FeedRejectedException(outcome.run().connection() + " feed " + outcome.run().fileName()
                    + " rejected: " + outcome.run().detail() + (outcome.report() == null ? "" : " (report " + outcome.report() + ")"));
        }
    }

    /**
     * Starts reading the hub's values of the connection's linked products for the file that just arrived. A file
     * skipped as a duplicate, or whose staging fails, drops the read; it is awaited when the exchange is over
     * either way, so no read outlives its file.
     */
    public void readValues(Exchange exchange) {
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
    public void valuesNotRead(Exchange exchange) {
        exchange.setProperty(VALUES, CompletableFuture.completedFuture(LinkedValues.NONE));
    }
}
