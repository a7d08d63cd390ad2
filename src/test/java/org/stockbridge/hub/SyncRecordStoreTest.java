package org.stockbridge.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.stockbridge.HubTest;

/**
 * Sync records are written by COPY on PostgreSQL ({@link CopyIn}) and by a batched INSERT on H2: on both, what is
 * read back is what was written, whatever the text holds, and a batch rolled back leaves none behind.
 */
@HubTest
class SyncRecordStoreTest {

    @Autowired
    SyncRecordStore store;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void textWithTabsNewlinesBackslashesQuotesAndPolishLettersIsReadBackAsWritten() {
        String connection = "sr-" + UUID.randomUUID().toString().substring(0, 8);
        Instant time = Instant.parse("2026-12-07T10:15:30.123456Z");
        String awkward = "a\tb\nc\r\\N \\ 'quoted' \"double\" Zażółć gęślą jaźń; E'x'";
        List<SyncRecord> written = List.of(
                new SyncRecord(0, time, SyncRecord.OUT, connection, "SKU\t1", "stock", "5", "3", awkward, "ok", "req-1", 42L),
                new SyncRecord(0, time.plusMillis(1), SyncRecord.IN, connection, "SKU-2", "price[retail-pln]", null, "\\N",
                        "", "error", null, null));
        store.write(written);

        List<SyncRecord> read = store.find(new SyncRecordQuery(null, connection, null, null, 10));
        assertThat(read).hasSize(2);
        // newest first
        SyncRecord second = read.get(0);
        SyncRecord first = read.get(1);
        assertThat(first.time()).isEqualTo(time.truncatedTo(ChronoUnit.MICROS));
        assertThat(first.sku()).isEqualTo("SKU\t1");
        assertThat(first.reason()).isEqualTo(awkward);
        assertThat(first.ruleId()).isEqualTo(42L);
        assertThat(first.requestId()).isEqualTo("req-1");
        assertThat(second.time()).isEqualTo(time.plusMillis(1).truncatedTo(ChronoUnit.MICROS));
        assertThat(second.oldValue()).as("a null stays null").isNull();
        assertThat(second.newValue()).as("the text \\N is not a null").isEqualTo("\\N");
        assertThat(second.reason()).isEmpty();
        assertThat(second.requestId()).isNull();
        assertThat(second.ruleId()).isNull();
    }

    @Test
    void aLongReasonIsClippedAndAThousandRecordsArriveInTheirOrder() {
        String connection = "sr-" + UUID.randomUUID().toString().substring(0, 8);
        Instant time = Instant.parse("2026-12-07T11:00:00Z");
        List<SyncRecord> written = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            written.add(new SyncRecord(0, time, SyncRecord.OUT, connection, "SKU-" + i, "stock", null, String.valueOf(i),
                    i == 0 ? "x".repeat(1500) : "push", "ok", "req", null));
        }
        store.write(written);

        List<SyncRecord> read = store.find(new SyncRecordQuery(null, connection, null, null, 1000));
        assertThat(read).hasSize(1000);
        // same time: newest first by id, so the last written comes first
        assertThat(read.get(0).sku()).isEqualTo("SKU-999");
        assertThat(read.get(999).reason()).hasSize(1000).endsWith("…");
        assertThat(read).extracting(SyncRecord::time).containsOnly(time);
    }

    @Test
    void recordsOfARolledBackTransactionAreNotKept() {
        String connection = "sr-" + UUID.randomUUID().toString().substring(0, 8);
        transaction.executeWithoutResult(status -> {
            store.write(List.of(SyncRecord.received(connection, "SKU-1", "stock", 1, 2, "test", Instant.now())));
            status.setRollbackOnly();
        });
        assertThat(store.find(new SyncRecordQuery(null, connection, null, null, 10))).isEmpty();
    }
}
