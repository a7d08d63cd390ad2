package org.stockbridge.feed.intake;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The report written beside a feed file: a summary, then one line per bad row, refused change and unknown key.
 * Lines are streamed to a temporary file while the feed is read, so a feed with a million bad rows costs disk,
 * not heap; {@link #finish} puts the summary on top and moves the report into place.
 */
final class FeedReport implements AutoCloseable {

    private final Path body;
    private final BufferedWriter out;
    private long lines;

    FeedReport() {
        try {
            body = Files.createTempFile("stockbridge-report", ".txt");
            out = Files.newBufferedWriter(body, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a feed report", e);
        }
    }

    void line(String text) {
        try {
            out.write(text);
            out.newLine();
            lines++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the feed report", e);
        }
    }

    long lines() {
        return lines;
    }

    /** Writes {@code dir/<fileName>.report.txt}: the summary, then the lines; returns its path. */
    Path finish(Path dir, String fileName, String summary) {
        try {
            out.flush();
            Files.createDirectories(dir);
            Path report = dir.resolve(fileName + ".report.txt");
            Path tmp = dir.resolve(fileName + ".report.txt.tmp");
            try (var writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                writer.write(summary);
                writer.newLine();
                writer.newLine();
                try (var reader = Files.newBufferedReader(body, StandardCharsets.UTF_8)) {
                    reader.transferTo(writer);
                }
            }
            return Files.move(tmp, report, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the feed report into " + dir, e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
            Files.deleteIfExists(body);
        } catch (IOException ignored) {
            // a temporary file left behind is harmless
        }
    }
}
