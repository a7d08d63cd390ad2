package org.stockbridge.format;

import java.util.Objects;

/**
 * One setting a format declares, the way a Kafka Connect {@code ConfigDef} entry or a Kamelet parameter does:
 * the hub validates every connection against these before it builds a single request, and docs/formats.md
 * lists them (a test keeps the two in step).
 *
 * <p>Declared fluently: {@code FormatSetting.text("consumerKey").asRequired().asSecret().describedAs("...")}.
 *
 * @param name         the key under the connection's settings, camelCase
 * @param type         how the text is read
 * @param defaultValue text used when the connection does not give the setting; null for none
 * @param required     whether a connection must give it (a setting with a default never is)
 * @param secret       never logged, never echoed in errors, masked in {@code toString()}
 * @param description  one sentence for the operator
 * @param rule         extra check on the typed value; null for none
 */
public record FormatSetting(
        String name,
        SettingType type,
        String defaultValue,
        boolean required,
        boolean secret,
        String description,
        SettingRule rule) {

    public FormatSetting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        if (required && defaultValue != null) {
            throw new IllegalArgumentException("setting '" + name + "' cannot be both required and defaulted");
        }
    }

    public static FormatSetting text(String name) {
        return new FormatSetting(name, SettingType.TEXT, null, false, false, "", null);
    }

    public static FormatSetting integer(String name) {
        return new FormatSetting(name, SettingType.INTEGER, null, false, false, "", null);
    }

    public static FormatSetting url(String name) {
        return new FormatSetting(name, SettingType.URL, null, false, false, "", null);
    }

    public static FormatSetting bool(String name) {
        return new FormatSetting(name, SettingType.BOOLEAN, null, false, false, "", null);
    }

    public FormatSetting asRequired() {
        return new FormatSetting(name, type, defaultValue, true, secret, description, rule);
    }

    public FormatSetting asSecret() {
        return new FormatSetting(name, type, defaultValue, required, true, description, rule);
    }

    public FormatSetting withDefault(Object value) {
        return new FormatSetting(name, type, String.valueOf(value), required, secret, description, rule);
    }

    public FormatSetting describedAs(String text) {
        return new FormatSetting(name, type, defaultValue, required, secret, text, rule);
    }

    public FormatSetting withRule(SettingRule check) {
        return new FormatSetting(name, type, defaultValue, required, secret, description, check);
    }

    @Override
    public String toString() {
        return "FormatSetting[" + name + " " + type.label() + (required ? " required" : "")
                + (secret ? " secret" : "") + (defaultValue != null ? " default=" + defaultValue : "") + "]";
    }
}
