package org.stockbridge.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Puts feed files into drop folders the way an uploader should: written under a hidden name, then renamed. */
public final class DropFiles {

    private DropFiles() {
    }

    public static Path drop(Path folder, String name, byte[] content) {
        try {
            Files.createDirectories(folder);
            Path hidden = folder.resolve("." + name + ".part");
            Files.write(hidden, content);
            return Files.move(hidden, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
