package org.stockbridge.format;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A shop connection as a format sees it: its id, its format and its validated, typed settings (declared defaults
 * filled in). Made only by {@link SettingsValidator}, so a format can read any declared setting without checking
 * it again. {@code toString()} masks secret settings, so a connection can be logged as it is.
 */
public final class ShopConnection {

    static final String MASK = "****";

    private final String id;
    private final String format;
    private final Map<String, Object> settings;
    private final Set<String> secrets;

    ShopConnection(String id, String format, Map<String, Object> settings, Set<String> secrets) {
        this.id = id;
        this.format = format;
        this.settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        this.secrets = Collections.unmodifiableSet(new TreeSet<>(secrets));
    }

    /** The connection id, such as {@code woo-main}. */
    public String id() {
        return id;
    }

    /** The format's name, such as {@code woocommerce}. */
    public String format() {
        return format;
    }

    /** Every setting that has a value (given or defaulted), typed; includes secrets — do not log the map. */
    public Map<String, Object> settings() {
        return settings;
    }

    public boolean has(String name) {
        return settings.containsKey(name);
    }

    public String text(String name) {
        return (String) value(name);
    }

    public long integer(String name) {
        return (Long) value(name);
    }

    public boolean flag(String name) {
        return (Boolean) value(name);
    }

    public URI url(String name) {
        return (URI) value(name);
    }

    private Object value(String name) {
        Object value = settings.get(name);
        if (value == null) {
            // A format asking for a setting it did not declare (or an optional one without checking has()) is a
            // programming error, not an operator's; say which connection so the log line is still useful.
            throw new IllegalStateException("connection '" + id + "' (format " + format + ") has no setting '"
                    + name + "'");
        }
        return value;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("ShopConnection[").append(id).append(", format=").append(format);
        settings.forEach((name, value) -> text.append(", ").append(name).append('=')
                .append(secrets.contains(name) ? MASK : value));
        return text.append(']').toString();
    }
}
