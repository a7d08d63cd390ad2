package org.stockbridge.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stockbridge.config.StockbridgeProperties;

/** A hub killed mid-file leaves its staged copy behind; the next start removes it, and nothing staged since. */
class FeedStagingLeftoversTest {

    @TempDir
    Path dataDir;

    @Test
    void copiesLeftByAnEarlierRunAreRemovedAtStart() throws IOException {
        Instant started = Instant.now();
        Path staging = Files.createDirectories(dataDir.resolve("feeds/acme/staging"));
        Path left = Files.writeString(staging.resolve("1b2c-acme.csv"), "sku;stock\nA;1\n");
        Files.setLastModifiedTime(left, FileTime.from(started.minus(Duration.ofHours(1))));
        Path current = Files.writeString(staging.resolve("3d4e-acme.csv"), "sku;stock\nA;2\n");
        Files.setLastModifiedTime(current, FileTime.from(started.plusSeconds(1)));
        Path held = Files.writeString(Files.createDirectories(dataDir.resolve("feeds/acme/held")).resolve("5f-acme.csv"), "x");
        Files.setLastModifiedTime(held, FileTime.from(started.minus(Duration.ofHours(1))));
        FeedStaging feeds = new FeedStaging(new StockbridgeProperties(dataDir, dataDir.resolve("drop"), null, null,
                null, null, null, null), Clock.systemUTC());

        assertThat(feeds.removeLeftovers(started)).isEqualTo(1);

        assertThat(left).doesNotExist();
        assertThat(current).as("staged by this run").exists();
        assertThat(held).as("a held feed is kept for its operator").exists();
    }

    @Test
    void aHubWithoutFeedsYetHasNothingToRemove() {
        FeedStaging staging = new FeedStaging(new StockbridgeProperties(dataDir, dataDir.resolve("drop"), null, null,
                null, null, null, null), Clock.systemUTC());

        assertThat(staging.removeLeftovers(Instant.now())).isZero();
    }
}
