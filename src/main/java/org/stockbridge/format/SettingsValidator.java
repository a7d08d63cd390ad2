package org.stockbridge.format;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a connection's raw settings (text, as configured) into a {@link ShopConnection}: fills in defaults,
 * converts each value to its declared type, applies each declared rule, and refuses settings the format does not
 * declare (a misspelt {@code consumerkey} must fail at start-up, not surface as "missing consumerKey" at the
 * first push). Collects every problem before throwing. Stateless and thread-safe.
 */
public final class SettingsValidator {

    public ShopConnection validate(String connectionId, ShopFormat format, Map<String, String> raw) {
        Map<String, String> given = raw == null ? Map.of() : raw;
        List<String> problems = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        Set<String> secrets = new HashSet<>();
        Set<String> declared = new TreeSet<>();
        for (FormatSetting setting : format.settings()) {
            declared.add(setting.name());
            if (setting.secret()) {
                secrets.add(setting.name());
            }
            String prefix = InvalidSettingsException.prefix(connectionId, format.name(), setting.name());
            String text = given.get(setting.name());
            if (text == null || text.isBlank()) {
                text = setting.defaultValue();
            }
            if (text == null) {
                if (setting.required()) {
                    problems.add(prefix + "is required (" + setting.description() + ")");
                }
                continue;
            }
            try {
                Object value = setting.type().convert(text);
                if (setting.rule() != null && !setting.rule().accepts(value)) {
                    problems.add(prefix + "must " + setting.rule().description() + shown(setting, text));
                } else {
                    values.put(setting.name(), value);
                }
            } catch (IllegalArgumentException e) {
                problems.add(prefix + e.getMessage() + shown(setting, text));
            }
        }
        for (String name : new TreeSet<>(given.keySet())) {
            if (!declared.contains(name)) {
                problems.add(InvalidSettingsException.prefix(connectionId, format.name(), name)
                        + "is not a setting of this format; known settings: " + String.join(", ", declared));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(connectionId, problems);
        }
        return new ShopConnection(connectionId, format.name(), values, secrets);
    }

    private static String shown(FormatSetting setting, String text) {
        return setting.secret() ? "" : ", was '" + text + "'";
    }
}
