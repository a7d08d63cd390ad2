package org.stockbridge.route;

import java.nio.file.Path;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;
import org.stockbridge.feed.intake.FeedIngestion;
import org.stockbridge.feed.intake.FeedJob;
import org.stockbridge.feed.intake.FeedMappings;
import org.stockbridge.feed.intake.FeedOutcome;

/**
 * Ingests the staged feed. A rejected file fails the exchange ({@link FeedRejectedException}) so the consumer
 * moves it to its error folder and the idempotent repository does not remember it; the report lands in that
 * error folder. Applied and held files complete normally (a held feed is kept in the hub's data folder).
 */
@Component("feedIntake")
public class FeedIntake implements Processor {

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
        // the hub's values, read since the file arrived (FeedValuesRead); a route without that step reads them now
        var values = FeedValuesRead.of(exchange);
        FeedOutcome outcome = values != null ? ingestion.ingest(job, values) : ingestion.ingest(job);
        in.setHeader(FeedHeaders.OUTCOME, outcome.run().outcome());
        if (outcome.rejected()) {
            throw new FeedRejectedException(outcome.run().connection() + " feed " + outcome.run().fileName()
                    + " rejected: " + outcome.run().detail() + (outcome.report() == null ? "" : " (report " + outcome.report() + ")"));
        }
    }
}
