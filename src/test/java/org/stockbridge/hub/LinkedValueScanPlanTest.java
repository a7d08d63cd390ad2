package org.stockbridge.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stockbridge.HubTest;

/**
 * H2 reads the pages of a feed's value scans straight from an index, in key order ({@link LinkedValueReader.Scan}):
 * a page H2 has to sort means reading and sorting every row of the warehouse, price group or connection for each
 * page of 4096, which for a million products takes minutes. (PostgreSQL reads each scan as one binary COPY.)
 */
@HubTest
class LinkedValueScanPlanTest {

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

    private void assumeDatabase(String product) {
        org.junit.jupiter.api.Assumptions.assumeTrue(product.equals(jdbc.execute(
                (org.springframework.jdbc.core.ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName())),
                product + " only");
    }

    private String plan(String sql) {
        return jdbc.queryForObject("EXPLAIN " + sql, String.class);
    }
}
