package org.stockbridge.hub;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Deletes sync records older than {@code stockbridge.sync-records.retention} (default 90 days), oldest first, in
 * batches of {@code delete-batch} rows, each its own statement and transaction: one DELETE of millions of rows
 * would hold its locks and grow the transaction log (PostgreSQL WAL, H2's undo log) for minutes, while short batches
 * let feeds and pushes write their records in between. Run daily by the {@code sync-record-retention} route.
 */
@Component
public class SyncRecordRetention {

    /**
     * {@code stockbridge.sync-records.*}.
     *
     * @param retention   how long a sync record is kept
     * @param deleteBatch rows deleted per statement
     * @param cron        when the clustered job runs (Quartz cron); by default daily at 03:30
     */
    @ConfigurationProperties("stockbridge.sync-records")
    public record Settings(Duration retention, Integer deleteBatch, String cron) {
        public Settings {
            retention = retention == null ? Duration.ofDays(90) : retention;
            deleteBatch = deleteBatch == null ? 10_000 : deleteBatch;
            cron = cron == null ? "0 30 3 * * ?" : cron;
            if (retention.isNegative() || retention.isZero() || deleteBatch < 1) {
                throw new IllegalArgumentException("stockbridge.sync-records: retention must be positive and delete-batch "
                        + "at least 1, were " + retention + " and " + deleteBatch);
            }
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(SyncRecordRetention.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final Settings settings;
    private final Clock clock;

    SyncRecordRetention(NamedParameterJdbcTemplate jdbc, Settings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** Deletes every sync record older than the retention; returns how many. */
    public long deleteExpired() {
        Instant cutoff = clock.instant().minus(settings.retention());
        var params = new MapSqlParameterSource("cutoff", Timestamp.from(cutoff)).addValue("batch", settings.deleteBatch());
        long deleted = 0;
        int batch;
        do {
            // by id through the time index: portable between H2 and PostgreSQL, neither of which limits a DELETE itself
            batch = jdbc.update("DELETE FROM sync_record WHERE id IN (SELECT id FROM sync_record WHERE recorded_at < :cutoff "
                    + "ORDER BY recorded_at FETCH FIRST :batch ROWS ONLY)", params);
            deleted += batch;
        } while (batch == settings.deleteBatch());
        LOG.info("Sync records: deleted {} recorded before {} (retention {})", deleted, cutoff, settings.retention());
        return deleted;
    }
}
