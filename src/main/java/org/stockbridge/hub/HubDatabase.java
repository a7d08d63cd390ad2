package org.stockbridge.hub;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which database the hub's store is on, for the few statements that take PostgreSQL's faster forms (COPY,
 * {@code ON CONFLICT}, {@code UPDATE … RETURNING}); everything else is SQL both databases run alike. Asked of a
 * connection once: PostgreSQL is the one whose driver a pooled connection unwraps to, whatever the URL looks like.
 */
@Component
public class HubDatabase {

    private final JdbcTemplate jdbc;
    private volatile Boolean postgresql;

    public HubDatabase(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean postgresql() {
        Boolean answer = postgresql;
        if (answer == null) {
            answer = jdbc.execute((ConnectionCallback<Boolean>) c -> c.isWrapperFor(PGConnection.class));
            postgresql = answer;
        }
        return answer;
    }
}
