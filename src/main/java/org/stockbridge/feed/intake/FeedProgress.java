package org.stockbridge.feed.intake;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jmx.export.annotation.ManagedAttribute;
import org.springframework.jmx.export.annotation.ManagedResource;
import org.springframework.stereotype.Component;

/**
 * Progress of the feeds being read: a log line every {@value #LOG_EVERY_ROWS} rows or {@value #LOG_EVERY_MILLIS} ms
 * (rows, rows/s, errors so far), Micrometer meters ({@code stockbridge.feed.rows}, {@code stockbridge.feed.files},
 * gauge {@code stockbridge.feed.running.rows}) for Prometheus, and a JMX bean ({@code stockbridge:name=feedProgress})
 * that Hawtio shows.
 */
@Component
@ManagedResource(objectName = "stockbridge:name=feedProgress", description = "Feeds being read now")
public class FeedProgress {

    private static final Logger LOG = LoggerFactory.getLogger(FeedProgress.class);
    static final long LOG_EVERY_ROWS = 100_000;
    static final long LOG_EVERY_MILLIS = 10_000;

    private final MeterRegistry meters;
    private final Map<String, Tracker> running = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> runningRows = new ConcurrentHashMap<>();

    public FeedProgress(MeterRegistry meters) {
        this.meters = meters;
    }

    Tracker start(String connection, String fileName, String phase) {
        AtomicLong gauge = runningRows.computeIfAbsent(connection, c -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("stockbridge.feed.running.rows", value, AtomicLong::get).tag("connection", c)
                    .description("rows of the feed being read now").register(meters);
            return value;
        });
        Tracker tracker = new Tracker(connection, fileName, phase, gauge);
        running.put(connection, tracker);
        return tracker;
    }

    void finished(String connection, String outcome, long rows, long badRows) {
        running.remove(connection);
        runningRows.getOrDefault(connection, new AtomicLong()).set(0);
        Counter.builder("stockbridge.feed.files").tag("connection", connection).tag("outcome", outcome).register(meters).increment();
        Counter.builder("stockbridge.feed.rows").tag("connection", connection).tag("result", "good").register(meters).increment(rows - badRows);
        Counter.builder("stockbridge.feed.rows").tag("connection", connection).tag("result", "bad").register(meters).increment(badRows);
    }

    @ManagedAttribute(description = "One line per feed being read: connection, file, phase, rows, rows/s, errors")
    public List<String> getRunning() {
        return running.values().stream().map(Tracker::describe).sorted().toList();
    }

    /** Counts one feed's rows in one phase (validating or applying) and logs now and then. */
    final class Tracker {
        private final String connection;
        private final String fileName;
        private final String phase;
        private final AtomicLong gauge;
        private final long started = System.nanoTime();
        private volatile long rows;
        private volatile long errors;
        private long nextLogRows = LOG_EVERY_ROWS;
        private long nextLogAt = System.nanoTime() + LOG_EVERY_MILLIS * 1_000_000;

        private Tracker(String connection, String fileName, String phase, AtomicLong gauge) {
            this.connection = connection;
            this.fileName = fileName;
            this.phase = phase;
            this.gauge = gauge;
        }

        void row(boolean bad) {
            rows++;
            if (bad) {
                errors++;
            }
            if ((rows & 0x3ff) == 0) {
                gauge.set(rows);
                if (rows >= nextLogRows || System.nanoTime() >= nextLogAt) {
                    LOG.info("{}", describe());
                    nextLogRows = rows + LOG_EVERY_ROWS;
                    nextLogAt = System.nanoTime() + LOG_EVERY_MILLIS * 1_000_000;
                }
            }
        }

        long rowsPerSecond() {
            double seconds = (System.nanoTime() - started) / 1e9;
            return seconds <= 0 ? 0 : Math.round(rows / seconds);
        }

        String describe() {
            return connection + " feed " + fileName + " " + phase + ": " + rows + " rows, " + rowsPerSecond() + " rows/s, "
                    + errors + " errors so far";
        }
    }
}
