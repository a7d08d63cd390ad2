package org.stockbridge.drop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.stockbridge.config.StockbridgeProperties;
import org.stockbridge.hub.Role;

/**
 * One drop folder per connection the hub takes data from: {@code ${stockbridge.drop-dir}/<connection>/} for every
 * connection under {@code stockbridge.connections} that is {@code superior} for stock, prices or products. The
 * folders are created at start-up; a wholesaler fills its folder over FTP ({@link DropFtpServer}) or any file
 * share, and a {@code file:} feed-to-hub route reads it.
 */
@Component
public class DropFolders {

    private static final Logger LOG = LoggerFactory.getLogger(DropFolders.class);

    /** A connection id becomes one path segment: no separators, no "." or "..". */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Path root;
    private final Map<String, Path> folders;

    public DropFolders(StockbridgeProperties properties) {
        if (properties.dropDir() == null) {
            throw new IllegalStateException("stockbridge.drop-dir is not set");
        }
        this.root = properties.dropDir().toAbsolutePath().normalize();
        Map<String, Path> found = new LinkedHashMap<>();
        properties.connections().forEach((id, connection) -> {
            if (connection != null && takesDataFrom(id, connection)) {
                if (!SAFE_ID.matcher(id).matches() || id.contains("..")) {
                    throw new IllegalStateException("stockbridge.connections." + id
                            + ": a connection id with a drop folder may hold only letters, digits, '.', '_' and '-'");
                }
                found.put(id, create(root.resolve(id)));
            }
        });
        this.folders = Collections.unmodifiableMap(found);
        LOG.info("Drop folders under {}: {}", root, folders.isEmpty() ? "none (no superior connection)" : folders.keySet());
    }

    /** The drop folder of a connection that is superior for stock, prices or products. */
    public Path folderOf(String connection) {
        Path folder = folders.get(connection);
        if (folder == null) {
            throw new IllegalArgumentException("connection '" + connection + "' has no drop folder (drop folders exist for "
                    + "connections superior for stock, prices or products: " + folders.keySet() + ")");
        }
        return folder;
    }

    /** Connection id → drop folder, in declaration order. */
    public Map<String, Path> folders() {
        return folders;
    }

    /** The parent folder of all drop folders ({@code stockbridge.drop-dir}), absolute. */
    public Path root() {
        return root;
    }

    private static boolean takesDataFrom(String id, StockbridgeProperties.Connection c) {
        try {
            return Role.parse(c.stock()) == Role.SUPERIOR
                    || Role.parse(c.prices()) == Role.SUPERIOR
                    || Role.parse(c.products()) == Role.SUPERIOR;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("stockbridge.connections." + id + ": " + e.getMessage(), e);
        }
    }

    private static Path create(Path folder) {
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create drop folder " + folder, e);
        }
    }
}
