package org.stockbridge.feed.intake;

import org.stockbridge.feed.FeedMapping;
import org.stockbridge.feed.MappingLoader;
import org.stockbridge.feed.MappingException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.stockbridge.config.StockbridgeProperties;

/**
 * The mapping files in {@code stockbridge.mappings-dir}, loaded by name ({@code acme.yaml}) and reloaded when the
 * file changes, so an integrator can fix a mapping without restarting the hub.
 */
@Component
public class FeedMappings {

    private record Loaded(FileTime modified, FeedMapping mapping) {
    }

    private final Path dir;
    private final Map<String, Loaded> cache = new ConcurrentHashMap<>();

    public FeedMappings(StockbridgeProperties properties) {
        this.dir = properties.mappingsDir();
    }

    /** The mapping; throws {@link MappingException} naming the file and the problem. */
    public FeedMapping get(String name) {
        if (name == null || name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new MappingException(String.valueOf(name), null, "a mapping must be a file name in " + dir);
        }
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new MappingException(file.toString(), null, "no such mapping file");
        }
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            Loaded loaded = cache.get(name);
            if (loaded == null || !loaded.modified().equals(modified)) {
                loaded = new Loaded(modified, MappingLoader.load(file));
                cache.put(name, loaded);
            }
            return loaded.mapping();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read mapping " + file, e);
        }
    }
}
