package org.stockbridge.hub;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.OptionalLong;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The history of feed files: what each one did, and the row count the full-feed guard compares with. */
@Repository
public class FeedRunStore {

    private static final RowMapper<FeedRun> MAPPER = (rs, n) -> new FeedRun(rs.getLong("id"), rs.getString("connection_id"),
            rs.getString("mapping"), rs.getString("file_name"), rs.getString("feed_type"),
            rs.getObject("started_at", OffsetDateTime.class).toInstant(),
            rs.getObject("finished_at", OffsetDateTime.class) == null ? null : rs.getObject("finished_at", OffsetDateTime.class).toInstant(),
            rs.getLong("rows_read"), rs.getLong("bad_rows"), rs.getLong("unknown_keys"), rs.getLong("created"),
            rs.getLong("changed"), rs.getLong("zeroed"), rs.getString("outcome"), rs.getString("detail"));

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public FeedRunStore(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records that a file is being applied. A run of the same file (connection and file key) still {@code running}
     * was cut off by a crash: a file is processed by one instance at a time, so it is marked {@code interrupted}.
     */
    public long start(String connection, String mapping, String fileName, String fileKey, String feedType) {
        jdbc.update("UPDATE feed_run SET outcome = 'interrupted', finished_at = :now, detail = :detail "
                        + "WHERE connection_id = :c AND file_key = :k AND outcome = 'running'",
                new MapSqlParameterSource("c", connection).addValue("k", fileKey).addValue("now", Timestamp.from(clock.instant()))
                        .addValue("detail", "cut off: the hub stopped while applying it; the file was processed again"));
        var keys = new GeneratedKeyHolder();
        jdbc.update("INSERT INTO feed_run (connection_id, mapping, file_name, file_key, feed_type, started_at, rows_read, "
                        + "bad_rows, unknown_keys, created, changed, zeroed, outcome) VALUES (:c, :m, :f, :k, :t, :now, 0, 0, 0, 0, 0, 0, 'running')",
                new MapSqlParameterSource("c", connection).addValue("m", mapping).addValue("f", fileName)
                        .addValue("k", fileKey).addValue("t", feedType).addValue("now", Timestamp.from(clock.instant())),
                keys, new String[] {"id"});
        return keys.getKey().longValue();
    }

    public void finish(long id, FeedRun counts) {
        jdbc.update("UPDATE feed_run SET finished_at = :now, rows_read = :rows, bad_rows = :bad, unknown_keys = :unknown, "
                        + "created = :created, changed = :changed, zeroed = :zeroed, outcome = :outcome, detail = :detail WHERE id = :id",
                new MapSqlParameterSource("id", id).addValue("now", Timestamp.from(clock.instant()))
                        .addValue("rows", counts.rows()).addValue("bad", counts.badRows())
                        .addValue("unknown", counts.unknownKeys()).addValue("created", counts.created())
                        .addValue("changed", counts.changed()).addValue("zeroed", counts.zeroed())
                        .addValue("outcome", counts.outcome())
                        .addValue("detail", counts.detail() == null || counts.detail().length() <= 2000 ? counts.detail()
                                : counts.detail().substring(0, 1999)));
    }

    /** Rows of the last full feed of this connection and mapping that was applied; empty before the first one. */
    public OptionalLong previousFullRows(String connection, String mapping) {
        List<Long> rows = jdbc.queryForList("SELECT rows_read FROM feed_run WHERE connection_id = :c AND mapping = :m "
                        + "AND feed_type = 'full' AND outcome = 'applied' ORDER BY finished_at DESC, id DESC FETCH FIRST 1 ROWS ONLY",
                new MapSqlParameterSource("c", connection).addValue("m", mapping), Long.class);
        return rows.isEmpty() ? OptionalLong.empty() : OptionalLong.of(rows.get(0));
    }

    /** Whether a full feed of this connection and mapping was applied after {@code since}. */
    public boolean fullFeedAppliedSince(String connection, String mapping, Instant since) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM feed_run WHERE connection_id = :c AND mapping = :m "
                + "AND feed_type = 'full' AND outcome = 'applied' AND finished_at > :since", new MapSqlParameterSource("c", connection)
                .addValue("m", mapping).addValue("since", Timestamp.from(since)), Integer.class) > 0;
    }

    public List<FeedRun> recent(String connection, int limit) {
        return jdbc.query("SELECT * FROM feed_run" + (connection == null ? "" : " WHERE connection_id = :c")
                        + " ORDER BY id DESC FETCH FIRST :limit ROWS ONLY",
                new MapSqlParameterSource("c", connection).addValue("limit", limit), MAPPER);
    }
}
