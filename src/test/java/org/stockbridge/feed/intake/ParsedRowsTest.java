package org.stockbridge.feed.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stockbridge.feed.FeedRow;
import org.stockbridge.feed.ProductRow;
import org.stockbridge.feed.RowError;

/** The rows the validation keeps for the apply pass come back exactly as they were read, in their order. */
class ParsedRowsTest {

    @TempDir
    Path folder;

    @Test
    void productRowsAndTheKeysOfBadRowsComeBackAsTheyWereWritten() {
        Random random = new Random(20261207);
        List<FeedRow> rows = new ArrayList<>();
        for (int i = 1; i <= 30_000; i++) {
            rows.add(switch (i % 6) {
                case 0 -> new RowError("feed.csv", i, i - 1, "SKU-" + i, "stock 'x' is not a number", false);
                case 1 -> new ProductRow("feed.csv", i, i - 1, "Zażółć-" + i, null, null, null, null, null, null);
                default -> new ProductRow("feed.csv", i, i - 1, "SKU-" + i, "SKU-" + i, "590" + i,
                        i % 5 == 0 ? "Kubek „gęślą” " + "x".repeat(random.nextInt(300)) : "Name " + i, random.nextInt(10_000),
                        price(random), i % 2 == 0 ? "main" : "MAG1");
            });
        }
        // a value longer than the chunks the rows are written and read in
        rows.add(new ProductRow("feed.csv", 30_001, 30_000, "LONG", null, null, "n".repeat(3 << 20), 0,
                new BigDecimal("1.5"), "main"));
        rows.add(new RowError("feed.csv", 30_002, 30_001, null, "a row without a key is not kept", false));

        Path parsed = folder.resolve("feed.csv.rows");
        try (ParsedRows.Writer writer = new ParsedRows.Writer(parsed)) {
            rows.forEach(writer::write);
        }
        List<FeedRow> read = new ArrayList<>();
        try (ParsedRows.Reader reader = new ParsedRows.Reader(parsed, "feed.csv")) {
            for (FeedRow row = reader.next(); row != null; row = reader.next()) {
                read.add(row);
            }
        }

        assertThat(read).hasSize(rows.size() - 1);
        for (int i = 0; i < read.size(); i++) {
            FeedRow expected = rows.get(i);
            if (expected instanceof RowError error) {
                assertThat(read.get(i)).isInstanceOfSatisfying(RowError.class, kept -> {
                    assertThat(kept.key()).isEqualTo(error.key());
                    assertThat(kept.line()).isEqualTo(error.line());
                    assertThat(kept.ordinal()).isEqualTo(error.ordinal());
                });
            } else {
                // a price keeps its scale: the hub compares and stores it as read
                assertThat(read.get(i)).as("row %d", i).isEqualTo(expected);
            }
        }
    }

    @Test
    void rowsCutShortAreRefusedNotReadAsOthers() throws IOException {
        Path parsed = folder.resolve("cut.rows");
        try (ParsedRows.Writer writer = new ParsedRows.Writer(parsed)) {
            writer.write(new ProductRow("cut.csv", 2, 1, "SKU-1", null, null, "Name", 5, new BigDecimal("9.99"), "main"));
        }
        byte[] whole = Files.readAllBytes(parsed);
        Files.write(parsed, java.util.Arrays.copyOf(whole, whole.length - 3));
        try (ParsedRows.Reader reader = new ParsedRows.Reader(parsed, "cut.csv")) {
            assertThatThrownBy(reader::next).hasMessageContaining("cut.csv end inside a row");
        }
    }

    private static BigDecimal price(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> new BigDecimal(new BigInteger(90, random), 2); // more than a long holds
            default -> BigDecimal.valueOf(random.nextInt(1_000_000), random.nextInt(5));
        };
    }
}
