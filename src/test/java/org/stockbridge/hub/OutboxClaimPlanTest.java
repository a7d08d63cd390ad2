package org.stockbridge.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stockbridge.HubTest;

/**
 * How a claim finds a shop's due entries on H2 ({@link OutboxStore#DUE}): in the order of
 * {@code ix_outbox_connection_state_id}, so H2 reads the entries the claim takes and stops, instead of reading and
 * sorting every due entry of the shop for each claim (migration V15). PostgreSQL chooses its plan from the
 * table's statistics, which an outbox that swings between empty and hundreds of thousands of entries keeps
 * changing; its plans are not pinned down here.
 */
@HubTest
class OutboxClaimPlanTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    HubDatabase database;

    @Test
    void h2ReadsTheDueEntriesInTheOrderOfTheClaimIndex() {
        assumeFalse(database.postgresql(), "H2's planner only");
        String plan = jdbc.queryForObject("EXPLAIN " + literal(OutboxStore.DUE), String.class);
        assertThat(plan).as(plan).contains("ix_outbox_connection_state_id").contains("/* index sorted */");
    }

    private static String literal(String query) {
        return query.replace(":c", "'plan-a'").replace(":now", "CURRENT_TIMESTAMP").replace(":fetch", "2000")
                .replace(":after", "0");
    }
}
