package org.stockbridge.hub;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Incremental cursors of the api-to-hub pulls: per connection and name (the data kind pulled, such as
 * {@code products}) the value the next pull asks the outside API for changes after. The value is opaque here;
 * the format that reads the API decides what it means.
 */
@Repository
public class ApiCursorStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ApiCursorStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The cursor; empty before the first pull applied anything (the next pull reads everything). */
    public Optional<String> get(String connection, String name) {
        return jdbc.queryForList("SELECT cursor_value FROM api_cursor WHERE connection_id = ? AND name = ?", String.class,
                connection, name).stream().findFirst();
    }

    /**
     * The connection's cursors whose names start with {@code prefix} (the parents of a pull), by what follows the
     * prefix, in name order.
     */
    public Map<String, String> startingWith(String connection, String prefix) {
        Map<String, String> values = new LinkedHashMap<>();
        jdbc.query("SELECT name, cursor_value FROM api_cursor WHERE connection_id = ? AND name LIKE ? ORDER BY name",
                rs -> {
                    values.put(rs.getString(1).substring(prefix.length()), rs.getString(2));
                }, connection, prefix.replace("%", "\\%").replace("_", "\\_") + "%");
        return values;
    }

    public void save(String connection, String name, String value) {
        Timestamp now = Timestamp.from(clock.instant());
        Object[] args = {value, now, connection, name};
        if (jdbc.update("UPDATE api_cursor SET cursor_value = ?, updated_at = ? WHERE connection_id = ? AND name = ?", args) == 0) {
            try {
                jdbc.update("INSERT INTO api_cursor (cursor_value, updated_at, connection_id, name) VALUES (?, ?, ?, ?)", args);
            } catch (DuplicateKeyException raced) {
                // another instance inserted it between our update and insert (pulls of one route run once, but be safe)
                jdbc.update("UPDATE api_cursor SET cursor_value = ?, updated_at = ? WHERE connection_id = ? AND name = ?", args);
            }
        }
    }

    /** Forgets the cursor, so the next pull reads everything again (absolute values make that harmless). */
    public void reset(String connection, String name) {
        jdbc.update("DELETE FROM api_cursor WHERE connection_id = ? AND name = ?", connection, name);
    }
}
