package org.stockbridge.format;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

/**
 * Every {@link ShopFormat} bean by name, and the one way to turn a connection's configured settings into a
 * validated {@link ShopConnection}. Adding a format is adding a bean; nothing here changes.
 */
@Component
public class FormatRegistry {

    private final Map<String, ShopFormat> formats = new TreeMap<>();

    public FormatRegistry(List<ShopFormat> formats) {
        for (ShopFormat format : formats) {
            ShopFormat clash = this.formats.putIfAbsent(format.name(), format);
            if (clash != null) {
                throw new IllegalStateException("two shop formats are named '" + format.name() + "': "
                        + clash.getClass().getName() + " and " + format.getClass().getName());
            }
        }
    }

    public Optional<ShopFormat> find(String name) {
        return Optional.ofNullable(name == null ? null : formats.get(name));
    }

    /** All formats, by name. */
    public Collection<ShopFormat> formats() {
        return formats.values();
    }

    /**
     * The validated connection, or every problem with it at once.
     *
     * @throws InvalidSettingsException naming the connection, the format and each setting at fault; for an
     *                                  unknown format, naming the formats there are
     */
    public ShopConnection connect(String connectionId, String formatName, Map<String, String> settings) {
        ShopFormat format = find(formatName).orElseThrow(() -> new InvalidSettingsException(connectionId, List.of(
                "connection '" + connectionId + "': format '" + formatName + "' is unknown; known formats: "
                        + String.join(", ", formats.keySet()))));
        // the format's own connect: it validates the settings and may check more (the generic format its mapping)
        return format.connect(connectionId, settings);
    }
}
