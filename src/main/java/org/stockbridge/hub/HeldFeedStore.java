package org.stockbridge.hub;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Full feeds held by the guard, and the operator's decision on each. */
@Repository
public class HeldFeedStore {

    private static final RowMapper<HeldFeed> MAPPER = (rs, n) -> new HeldFeed(rs.getLong("id"), rs.getString("connection_id"),
            rs.getString("mapping"), rs.getString("file_name"), rs.getString("file_key"), rs.getString("staged_path"),
            rs.getLong("rows_read"), rs.getLong("previous_rows"), rs.getString("reason"),
            rs.getObject("held_at", OffsetDateTime.class).toInstant(), rs.getString("state"));

    private final NamedParameterJdbcTemplate jdbc;
    private final Clock clock;

    public HeldFeedStore(NamedParameterJdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public long hold(HeldFeed feed) {
        var keys = new GeneratedKeyHolder();
        jdbc.update("INSERT INTO held_feed (connection_id, mapping, file_name, file_key, staged_path, rows_read, previous_rows, "
                        + "reason, held_at, state) VALUES (:c, :m, :f, :k, :p, :rows, :prev, :reason, :now, 'held')",
                new MapSqlParameterSource("c", feed.connection()).addValue("m", feed.mapping()).addValue("f", feed.fileName())
                        .addValue("k", feed.fileKey()).addValue("p", feed.stagedPath()).addValue("rows", feed.rows())
                        .addValue("prev", feed.previousRows()).addValue("reason", feed.reason())
                        .addValue("now", Timestamp.from(clock.instant())),
                keys, new String[] {"id"});
        return keys.getKey().longValue();
    }

    public List<HeldFeed> held() {
        return jdbc.query("SELECT * FROM held_feed WHERE state = 'held' ORDER BY id", MAPPER);
    }

    public Optional<HeldFeed> find(long id) {
        return jdbc.query("SELECT * FROM held_feed WHERE id = :id", new MapSqlParameterSource("id", id), MAPPER).stream().findFirst();
    }

    /** Takes a decision back (its work failed): the feed is held again. */
    public void undecide(long id, String state) {
        jdbc.update("UPDATE held_feed SET state = 'held', decided_at = NULL WHERE id = :id AND state = :s",
                new MapSqlParameterSource("id", id).addValue("s", state));
    }

    /** Feeds in {@code state}, oldest first. */
    public List<HeldFeed> inState(String state) {
        return jdbc.query("SELECT * FROM held_feed WHERE state = :s ORDER BY id", new MapSqlParameterSource("s", state), MAPPER);
    }

    /** Records the decision; false when the feed was already decided (by another operator or instance). */
    public boolean decide(long id, String state) {
        return jdbc.update("UPDATE held_feed SET state = :s, decided_at = :now WHERE id = :id AND state = 'held'",
                new MapSqlParameterSource("id", id).addValue("s", state).addValue("now", Timestamp.from(clock.instant()))) == 1;
    }
}
