package org.stockbridge.format.generic;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.stockbridge.feed.MappingException;

/**
 * The mapping of each generic connection, loaded once when the connection is validated and kept for its requests
 * and answers: a mapping edited while the hub runs takes effect at the next start, when it is validated again,
 * never half-way through a drain.
 */
final class GenericMappings {

    private final Path dir;
    private final Map<String, GenericMapping> byConnection = new ConcurrentHashMap<>();

    GenericMappings(Path dir) {
        this.dir = dir;
    }

    /**
     * The connection's mapping, loaded from {@code file} the first time; {@code file} may be null once loaded.
     *
     * @throws MappingException naming the file and the key at fault
     */
    GenericMapping get(String connection, String file) {
        GenericMapping loaded = byConnection.get(connection);
        if (loaded != null && (file == null || loaded.source().equals(dir.resolve(file).toString()))) {
            return loaded;
        }
        if (file == null) {
            throw new IllegalStateException("connection '" + connection + "' has no generic mapping loaded");
        }
        GenericMapping mapping = GenericMappingLoader.load(dir.resolve(file));
        byConnection.put(connection, mapping);
        return mapping;
    }
}
