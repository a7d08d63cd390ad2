package org.stockbridge.feed.intake;

import org.stockbridge.feed.FeedMapping;
import org.stockbridge.feed.FeedReader;
import org.stockbridge.feed.FeedRow;
import org.stockbridge.feed.RowError;
import org.stockbridge.feed.ProductRow;
import org.stockbridge.feed.FeedType;
import org.stockbridge.feed.FeedField;
import org.stockbridge.feed.KeyField;
import org.stockbridge.feed.UnknownKeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Service;
import org.stockbridge.hub.BackgroundRead;
import org.stockbridge.hub.BatchResult;
import org.stockbridge.hub.ChangeProblem;
import org.stockbridge.hub.FeedRun;
import org.stockbridge.hub.FeedRunStore;
import org.stockbridge.hub.HeldFeed;
import org.stockbridge.hub.HeldFeedStore;
import org.stockbridge.hub.HubService;
import org.stockbridge.hub.IncomingBatch;
import org.stockbridge.hub.IncomingProduct;
import org.stockbridge.hub.IncomingResult;
import org.stockbridge.hub.LinkedValues;
import org.stockbridge.hub.ProductKey;
import org.stockbridge.hub.SyncRecord;
import org.stockbridge.hub.SyncRecordStore;

/**
 * Ingests one feed file into the hub in two streaming passes, so that nothing is applied from a file that must be
 * refused:
 * <ol>
 * <li>validate: read every row of the staged file and keep it as read ({@link ParsedRows}, beside the file),
 * report each bad one (report file, sync record, log line); a file that is not
 * well-formed or has more bad rows than the mapping allows is rejected whole; a full feed whose row count fell
 * below the mapping's share of the previous full feed is held for an operator;</li>
 * <li>apply, over the rows pass 1 kept: the hub's values of the connection's linked products, read since the file
 * arrived ({@link LinkedValues}, {@link #readValues}), are awaited;
 * rows that repeat them are skipped (unless {@code stockbridge.feeds.skip-unchanged} is false), the others are
 * applied in batches of up to {@code stockbridge.feeds.batch-size} rows (partial ones to idle lanes every two batches'
 * worth of rows read), one transaction each, through {@link HubService#applyIncoming},
 * spread by key over {@code stockbridge.feeds.apply-threads} threads ({@link BatchLanes});
 * then, for a full feed, stock 0 for the connection's linked products the file did not contain.</li>
 * </ol>
 * Every value is absolute, so a file applied again after a crash ends in the same state as one clean run.
 */
@Service
public class FeedIngestion {

    private static final Logger LOG = LoggerFactory.getLogger(FeedIngestion.class);
    /**
     * Rows per batch on PostgreSQL: each batch pays a few round trips and a commit that waits for the WAL, so
     * batches are large.
     */
    static final int POSTGRESQL_BATCH = 5000;
    /**
     * Rows per batch on the embedded H2, which commits without waiting for the disk but keeps the pages a
     * transaction changed in its 16 MiB page cache only while they fit: a batch of 5000 changed products touched
     * more pages than that, and H2 read them back from the file at the commit. The 100k-row benchmark in a 256 MiB
     * heap, every row changed: 4 776-4 781 rows/s with 5000, 5 392-5 588 with 1000, 6 343-6 795 with 250,
     * 7 109-9 110 with 100 (products created: 3 766, 4 860, 6 098, 6 679 rows/s).
     */
    static final int H2_BATCH = 100;
    private static final int LOGGED_PROBLEMS = 1000;
    private static final int SYNC_RECORD_BATCH = 500;

    private final HubService hub;
    private final SyncRecordStore syncRecords;
    private final FeedRunStore runs;
    private final HeldFeedStore heldFeeds;
    private final FeedProgress progress;
    private final Clock clock;
    private final int applyThreads;
    private final int batchSize;
    /**
     * Rows read between two flushes of the lanes' partial batches to the idle lanes. When most rows repeat the
     * hub's values, the batches fill slowly; flushing keeps the changed rows being written while the rest of the
     * file is compared, instead of all of them at the end.
     */
    private final int flushRows;
    private final boolean skipUnchanged;

    public FeedIngestion(HubService hub, SyncRecordStore syncRecords, FeedRunStore runs, HeldFeedStore heldFeeds,
            FeedProgress progress, Clock clock, @Value("${stockbridge.feeds.apply-threads:2}") int applyThreads,
            @Value("${stockbridge.feeds.skip-unchanged:true}") boolean skipUnchanged,
            @Value("${stockbridge.feeds.batch-size:0}") int batchSize, DataSourceProperties database) {
        if (applyThreads < 1) {
            throw new IllegalArgumentException("stockbridge.feeds.apply-threads must be at least 1, not " + applyThreads);
        }
        if (batchSize < 0) {
            throw new IllegalArgumentException("stockbridge.feeds.batch-size must be at least 1 (0: the database's default), not " + batchSize);
        }
        this.applyThreads = applyThreads;
        this.batchSize = batchSize > 0 ? batchSize
                : database.determineUrl().startsWith("jdbc:h2:") ? H2_BATCH : POSTGRESQL_BATCH;
        this.flushRows = 2 * this.batchSize;
        this.skipUnchanged = skipUnchanged;
        this.hub = hub;
        this.syncRecords = syncRecords;
        this.runs = runs;
        this.heldFeeds = heldFeeds;
        this.progress = progress;
        this.clock = clock;
    }

    public FeedOutcome ingest(FeedJob job) {
        return ingest(job, readValues(job.connection(), job.mapping()));
    }

    /**
     * Ingests the file, comparing its rows with the hub's values that {@code linked} reads ({@link #readValues},
     * started by the route before the file was staged). The read is awaited before this returns.
     */
    public FeedOutcome ingest(FeedJob job, CompletableFuture<LinkedValues> linked) {
        FeedMapping mapping = job.mapping();
        String type = mapping.feedType().name().toLowerCase(Locale.ROOT);
        long runId = runs.start(job.connection(), job.mappingName(), job.fileName(), job.fileKey(), type);
        Path parsed = ParsedRows.beside(job.file());
        try (FeedReport report = new FeedReport(); Problems problems = new Problems(job, report)) {
            Counts counts = new Counts();
            try {
                String verdict = validate(job, problems, counts, parsed);
                if (verdict != null) {
                    return finish(job, runId, counts, FeedOutcome.REJECTED, verdict, report);
                }
                OptionalLong previous = runs.previousFullRows(job.connection(), job.mappingName());
                if (job.guard() && mapping.feedType() == FeedType.FULL && previous.isPresent()
                        && counts.rows * 100 < (long) mapping.fullFeedGuardPercent() * previous.getAsLong()) {
                    String reason = "full feed has " + counts.rows + " rows, below " + mapping.fullFeedGuardPercent()
                            + " % of the previous full feed (" + previous.getAsLong() + " rows): held for an operator";
                    hold(job, counts, previous.getAsLong(), reason);
                    return finish(job, runId, counts, FeedOutcome.HELD, reason, report);
                }
                apply(job, problems, counts, linked, parsed);
                return finish(job, runId, counts, FeedOutcome.APPLIED, null, report);
            } catch (RuntimeException e) {
                // the route moves the file to the error folder, the report goes beside it; the run must not stay
                // "running". What was applied stays (each batch is its own transaction); a full feed zeroed nothing.
                try {
                    finish(job, runId, counts, FeedOutcome.FAILED,
                            "failed while applying: " + (e.getMessage() == null ? e.toString() : e.getMessage()), report);
                } catch (RuntimeException recording) {
                    e.addSuppressed(recording);
                }
                throw e;
            }
        } finally {
            // a rejected or held file does not wait for the values, but the read must not outlive the file's run
            linked.exceptionally(failed -> null).join();
            try {
                Files.deleteIfExists(parsed);
            } catch (IOException e) {
                LOG.warn("{}: could not delete {}: {}", job.connection(), parsed, e.getMessage());
            }
        }
    }

    /**
     * Starts reading the hub's values of the connection's linked products, on a thread of its own, for a file of
     * this mapping. It runs while the file is staged and validated: for a large catalogue each takes a while, and
     * they use different cores.
     */
    public CompletableFuture<LinkedValues> readValues(String connection, FeedMapping mapping) {
        if (!skipUnchanged) {
            return CompletableFuture.completedFuture(LinkedValues.NONE);
        }
        return BackgroundRead.start(connection + " feed values", () -> {
            long reading = System.nanoTime();
            LinkedValues linked = hub.linkedValues(connection, mapping.warehouse(), mapping.priceGroup());
            LOG.info("{}: read the hub's values of {} linked products in {} ms", connection, linked.size(),
                    (System.nanoTime() - reading) / 1_000_000);
            return linked;
        });
    }

    /**
     * Pass 1: every row is read, and kept in {@code parsed} for pass 2. Returns why the file is rejected, or null
     * when it may be applied.
     */
    private String validate(FeedJob job, Problems problems, Counts counts, Path parsed) {
        FeedProgress.Tracker tracker = progress.start(job.connection(), job.fileName(), "validating");
        RowError broken = null;
        try (FeedReader reader = open(job); ParsedRows.Writer kept = new ParsedRows.Writer(parsed)) {
            while (reader.hasNext()) {
                FeedRow row = reader.next();
                kept.write(row);
                if (row instanceof RowError error) {
                    problems.rowError(error);
                    counts.bad++;
                    broken = error.fileBroken() ? error : broken;
                } else {
                    counts.rows++;
                }
                tracker.row(row instanceof RowError);
            }
        }
        if (broken != null) {
            return "file is not well-formed: " + broken.describe();
        }
        if (job.mapping().tooManyBadRows(counts.rows, counts.bad)) {
            return counts.bad + " of " + (counts.rows + counts.bad) + " rows are bad, more than the "
                    + job.mapping().maxBadRowsPercent() + " % the mapping allows: nothing applied";
        }
        return null;
    }

    /** Pass 2, over the rows pass 1 kept in {@code parsed}. */
    private void apply(FeedJob job, Problems problems, Counts counts, CompletableFuture<LinkedValues> values, Path parsed) {
        FeedMapping mapping = job.mapping();
        FeedProgress.Tracker tracker = progress.start(job.connection(), job.fileName(), "applying");
        BitSet present = new BitSet();
        BitSet skipped = new BitSet();
        boolean zeroes = mapping.feedType() == FeedType.FULL && mapping.has(FeedField.STOCK) && mapping.warehouse() != null;
        // keys of rows that could not be used: their products are in the file, so not "missing from the full feed"
        Set<String> badKeys = new HashSet<>();
        LinkedValues linked = BackgroundRead.await(values);
        boolean withPrice = mapping.priceGroup() != null;
        try (ParsedRows.Reader reader = new ParsedRows.Reader(parsed, job.fileName());
                BatchLanes lanes = new BatchLanes(applyThreads, batchSize, job.connection() + " feed",
                        batch -> applyBatch(job, batch, problems, counts, present))) {
            long read = 0;
            for (FeedRow next = reader.next(); next != null; next = reader.next()) {
                if (++read % flushRows == 0) {
                    lanes.flush();
                }
                if (next instanceof RowError error && error.key() != null && zeroes) {
                    badKeys.add(error.key());
                } else if (next instanceof ProductRow row) {
                    // the origin ("acme.csv line 12") is made only for a row that is applied: most are skipped
                    long same = linked.unchanged(incoming(row, null, null), withPrice);
                    if (same >= 0 && same <= Integer.MAX_VALUE) {
                        skipped.set((int) same); // for a full feed: present, though not applied
                        counts.skipped++;
                    } else {
                        long product = linked.productOf(row.key());
                        lanes.add(incoming(row, row.fileName() + " line " + row.line(), product < 0 ? null : product));
                    }
                    tracker.row(false);
                }
            }
        }
        present.or(skipped);
        if (zeroes) {
            keepPresent(job, badKeys, linked, present);
            BatchResult zeroed = hub.zeroMissing(job.connection(), mapping.warehouse(),
                    id -> id <= Integer.MAX_VALUE && present.get((int) id), job.fileName() + ": missing from the full feed");
            counts.zeroed = zeroed.changed();
        }
    }

    /**
     * Marks the linked products named by the full feed's bad rows as present: the row says the product is still
     * offered, only its values could not be read, so its stock keeps the hub's value (the row is reported) instead
     * of dropping to 0 as "missing from the full feed".
     */
    private void keepPresent(FeedJob job, Set<String> badKeys, LinkedValues linked, BitSet present) {
        if (badKeys.isEmpty()) {
            return;
        }
        LinkedValues byKey = linked.size() > 0 ? linked
                : hub.linkedValues(job.connection(), job.mapping().warehouse(), job.mapping().priceGroup());
        for (String key : badKeys) {
            long id = byKey.productOf(key);
            if (id >= 0 && id <= Integer.MAX_VALUE) {
                present.set((int) id);
            }
        }
    }

    private static IncomingProduct incoming(ProductRow row, String origin, Long linkedProduct) {
        return new IncomingProduct(row.key(), row.sku(), row.ean(), row.name(), row.stock(), row.grossPrice(),
                row.warehouse(), origin, linkedProduct);
    }

    /** One batch in its own transaction; then, one batch at a time, what it did is counted and reported. */
    private void applyBatch(FeedJob job, List<IncomingProduct> batch, Problems problems, Counts counts, BitSet present) {
        FeedMapping mapping = job.mapping();
        IncomingResult result = hub.applyIncoming(new IncomingBatch(job.connection(),
                mapping.key() == KeyField.EAN ? ProductKey.EAN : ProductKey.SKU,
                mapping.unknownKeys() == UnknownKeys.CREATE, mapping.priceGroup(), batch, skipUnchanged));
        synchronized (counts) {
            for (long id : result.matchedProducts()) {
                if (id <= Integer.MAX_VALUE) {
                    present.set((int) id);
                }
            }
            counts.changed += result.stock().changed() + result.prices().changed();
            counts.created += result.created();
            counts.unknown += result.unknown().size();
            result.unknown().forEach(p -> problems.report("unknown " + mapping.key().label() + " '" + p.key() + "' (" + p.origin() + ")"));
            for (ChangeProblem problem : concat(result.stock().problems(), result.prices().problems())) {
                counts.bad++;
                problems.refused(problem);
            }
        }
    }

    private void hold(FeedJob job, Counts counts, long previousRows, String reason) {
        try {
            Path held = Files.createDirectories(job.file().getParent().resolveSibling("held"))
                    .resolve(clock.millis() + "-" + job.fileName());
            Files.copy(job.file(), held);
            long id = heldFeeds.hold(new HeldFeed(0, job.connection(), job.mappingName(), job.fileName(), job.fileKey(),
                    held.toString(), counts.rows, previousRows, reason, clock.instant(), HeldFeed.HELD));
            LOG.warn("{}: {} {} (held feed {}; release or discard it through /api/feeds/held/{})", job.connection(),
                    job.fileName(), reason, id, id);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the held feed " + job.fileName(), e);
        }
    }

    private FeedOutcome finish(FeedJob job, long runId, Counts counts, String outcome, String detail, FeedReport report) {
        FeedRun run = new FeedRun(runId, job.connection(), job.mappingName(), job.fileName(),
                job.mapping().feedType().name().toLowerCase(Locale.ROOT), null, clock.instant(), counts.rows, counts.bad,
                counts.unknown, counts.created, counts.changed, counts.zeroed, outcome, detail);
        runs.finish(runId, run);
        progress.finished(job.connection(), outcome, counts.rows + counts.bad, counts.bad);
        String summary = summary(job, run, counts.skipped);
        Path reportFile = null;
        if (report.lines() > 0 || !FeedOutcome.APPLIED.equals(outcome)) {
            boolean toErrorFolder = FeedOutcome.REJECTED.equals(outcome) || FeedOutcome.FAILED.equals(outcome);
            reportFile = report.finish(toErrorFolder ? job.rejectedReportDir() : job.reportDir(),
                    job.fileName(), summary);
        }
        if (FeedOutcome.APPLIED.equals(outcome)) {
            LOG.info("{}", summary);
        } else {
            LOG.warn("{}", summary);
        }
        return new FeedOutcome(run, reportFile);
    }

    private static String summary(FeedJob job, FeedRun run, long skipped) {
        return job.connection() + " feed " + job.fileName() + " (mapping " + job.mappingName() + ", " + run.feedType()
                + "): " + run.outcome() + " — " + run.rows() + " rows, " + run.badRows() + " bad, " + run.unknownKeys()
                + " unknown " + job.mapping().key().label() + "s, " + run.created() + " products created, " + run.changed()
                + " values changed, " + run.zeroed() + " zeroed as missing, " + skipped + " rows repeated the hub's values"
                + (run.detail() == null ? "" : "; " + run.detail());
    }

    private static FeedReader open(FeedJob job) {
        try {
            return FeedReader.open(java.nio.file.Files.newInputStream(job.file()), job.fileName(), job.mapping());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the staged feed " + job.file(), e);
        }
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static final class Counts {
        long rows;
        long bad;
        long unknown;
        long created;
        long changed;
        long zeroed;
        /** Rows that repeated the hub's values (not in the feed run: it counts what the file did). */
        long skipped;
    }

    /** Bad rows and refused changes: each goes to the report, a sync record and (the first thousand) the log. */
    private final class Problems implements AutoCloseable {
        private final FeedJob job;
        private final FeedReport report;
        private final List<SyncRecord> pending = new ArrayList<>();
        private long logged;

        Problems(FeedJob job, FeedReport report) {
            this.job = job;
            this.report = report;
        }

        void rowError(RowError error) {
            record(error.key(), error.describe());
        }

        void refused(ChangeProblem problem) {
            record(problem.sku(), problem.context() + ": " + problem.reason());
        }

        void report(String line) {
            report.line(line);
        }

        private void record(String sku, String text) {
            report.line(text);
            if (logged++ < LOGGED_PROBLEMS) {
                LOG.warn("{}: {}", job.connection(), text);
            } else if (logged == LOGGED_PROBLEMS + 1) {
                LOG.warn("{}: more problems in {}; see its report", job.connection(), job.fileName());
            }
            pending.add(SyncRecord.refused(job.connection(), sku, "row", text, clock.instant()));
            if (pending.size() >= SYNC_RECORD_BATCH) {
                flush();
            }
        }

        private void flush() {
            syncRecords.write(pending);
            pending.clear();
        }

        @Override
        public void close() {
            flush();
        }
    }
}
