package org.stockbridge.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stockbridge.HubTest;

/**
 * Migration V12 (a Java migration, db.migration): the hot tables of the push path carry no foreign keys on either
 * database, while the others keep theirs.
 */
@HubTest
class SchemaForeignKeysTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shopValuesAndTheOutboxHaveNoForeignKeysAndLinksKeepTheirs() {
        assertThat(foreignKeys("shop_value")).isEmpty();
        assertThat(foreignKeys("outbox")).isEmpty();
        assertThat(foreignKeys("link")).as("the query finds foreign keys where there are some").hasSize(2);
    }

    private List<String> foreignKeys(String table) {
        return jdbc.queryForList("SELECT constraint_name FROM information_schema.table_constraints WHERE "
                + "constraint_type = 'FOREIGN KEY' AND LOWER(table_name) = ? AND table_schema = CURRENT_SCHEMA",
                String.class, table);
    }
}
