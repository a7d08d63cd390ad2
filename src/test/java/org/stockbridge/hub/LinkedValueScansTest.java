package org.stockbridge.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stockbridge.HubTest;

/**
 * How a feed's value scans reach the database ({@link LinkedValueReader}). H2 reads their pages straight from an
 * index, in key order ({@link LinkedValueReader.Scan}): a page H2 has to sort means reading and sorting every row
 * of the warehouse, price group or connection for each page of 4096, which for a million products takes minutes.
 * PostgreSQL reads each scan as one binary COPY, its parameter written as a literal, and leaves the connection
 * usable when a scan fails part way.
 */
@HubTest
class LinkedValueScansTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyPageOfEveryScanIsReadInTheOrderOfAnIndex() {
        assumeDatabase("H2");
        for (LinkedValueReader.Scan scan : List.of(LinkedValueReader.STOCK, LinkedValueReader.PRICES,
                LinkedValueReader.links(false), LinkedValueReader.links(true))) {
            assertThat(plan(scan.firstPage().replace("?", "'x'"))).as(scan.firstPage()).contains("/* index sorted */");
            assertThat(plan(scan.nextPage().replace("= ?", "= 'x'").replace("> ?", "> '0'")))
                    .as(scan.nextPage()).contains("/* index sorted */");
        }
    }

    @Test
    void aPostgresqlCopyLiteralMeansTheStringItWasMadeOf() {
        assumeDatabase("PostgreSQL");
        for (String value : List.of("acme", "o'brien", "back\\slash\\", "\\'; SELECT 1; --", "hurtownia-łódź")) {
            assertThat(jdbc.queryForObject("SELECT " + LinkedValueReader.literal(value), String.class)).isEqualTo(value);
        }
    }

    @Test
    void aCopyThatFailsPartWayLeavesItsConnectionAnsweringItsOwnStatements() {
        assumeDatabase("PostgreSQL");
        jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<Void>) c -> {
            // far more than one network buffer of rows, so most of the COPY is still unread when it fails
            assertThatThrownBy(() -> LinkedValueReader.copy(c,
                    "COPY (SELECT g::bigint FROM generate_series(1, 200000) g) TO STDOUT (FORMAT binary)", row -> {
                        throw new IllegalStateException("the row handler failed at " + row.int8(0));
                    })).hasMessage("the row handler failed at 1");
            try (var statement = c.createStatement()) {
                for (int i = 1; i <= 3; i++) {
                    try (var rs = statement.executeQuery("SELECT " + i)) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getInt(1)).as("the answer to SELECT " + i).isEqualTo(i);
                    }
                }
            }
            return null;
        });
        for (int i = 4; i <= 5; i++) {
            assertThat(jdbc.queryForObject("SELECT " + i, Integer.class)).as("a pooled connection, SELECT " + i).isEqualTo(i);
        }
    }

    private void assumeDatabase(String product) {
        org.junit.jupiter.api.Assumptions.assumeTrue(product.equals(jdbc.execute(
                (org.springframework.jdbc.core.ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName())),
                product + " only");
    }

    private String plan(String sql) {
        return jdbc.queryForObject("EXPLAIN " + sql, String.class);
    }
}
