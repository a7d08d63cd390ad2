package org.stockbridge.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * docs/formats.md shows each format's settings table exactly as {@link SettingsTable} writes it from the
 * declared settings, so the page cannot drift from the code. On failure, paste the expected table into the page.
 */
@SpringJUnitConfig(FormatRegistryTest.Formats.class)
class FormatsDocTest {

    /** Every format bean there is, so a new format without a section fails here. */
    @Autowired
    private FormatRegistry registry;

    private static String page() throws IOException {
        return Files.readString(Path.of("docs/formats.md"));
    }

    @Test
    void everyFormatHasASectionWithItsGeneratedSettingsTable() throws IOException {
        String page = page();
        for (ShopFormat format : registry.formats()) {
            String section = section(page, format.name());
            assertThat(section).as("docs/formats.md section ## `%s`", format.name())
                    .contains(SettingsTable.markdown(format));
        }
    }

    @Test
    void everyDeclaredSettingIsNamedInItsFormatsSection() throws IOException {
        String page = page();
        for (ShopFormat format : registry.formats()) {
            String section = section(page, format.name());
            for (FormatSetting setting : format.settings()) {
                assertThat(section).as("setting %s of %s", setting.name(), format.name())
                        .contains("| `" + setting.name() + "` |");
            }
        }
    }

    private static String section(String page, String format) {
        String heading = "\n## `" + format + "`\n";
        int from = page.indexOf(heading);
        assertThat(from).as("docs/formats.md has a section %s", heading.strip()).isNotNegative();
        int to = page.indexOf("\n## ", from + heading.length());
        return page.substring(from, to < 0 ? page.length() : to);
    }
}
