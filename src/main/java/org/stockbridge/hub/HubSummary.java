package org.stockbridge.hub;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A one-line summary of the hub for logs and the example route. */
@Component("hubSummary")
public class HubSummary {

    private final JdbcTemplate jdbc;

    public HubSummary(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public String summary() {
        return jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM product), (SELECT COALESCE(SUM(quantity), 0) FROM stock), "
                + "(SELECT COUNT(*) FROM outbox WHERE state = 'pending')", (rs, n) ->
                rs.getLong(1) + " products, " + rs.getLong(2) + " units on hand, " + rs.getLong(3) + " pushes pending");
    }
}
