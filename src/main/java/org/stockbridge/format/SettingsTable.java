package org.stockbridge.format;

/**
 * A format's declared settings as the Markdown table docs/formats.md shows, so the page is written from the
 * code (a test fails when the two differ) rather than kept in step by hand.
 */
public final class SettingsTable {

    private SettingsTable() {
    }

    public static String markdown(ShopFormat format) {
        StringBuilder table = new StringBuilder()
                .append("| setting | type | required | default | secret | rule | meaning |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (FormatSetting setting : format.settings()) {
            table.append("| `").append(setting.name()).append("` | ")
                    .append(setting.type().label()).append(" | ")
                    .append(setting.required() ? "yes" : "no").append(" | ")
                    .append(setting.defaultValue() == null ? "–" : "`" + setting.defaultValue() + "`").append(" | ")
                    .append(setting.secret() ? "yes" : "no").append(" | ")
                    .append(setting.rule() == null ? "–" : "must " + setting.rule().description()).append(" | ")
                    .append(setting.description().replace("|", "\\|")).append(" |\n");
        }
        return table.toString();
    }
}
