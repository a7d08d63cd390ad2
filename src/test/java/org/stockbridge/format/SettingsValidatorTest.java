package org.stockbridge.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SettingsValidatorTest {

    private final TestFormat format = new TestFormat();

    private static Map<String, String> valid() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("baseUrl", "https://shop.example.com");
        settings.put("apiKey", "k-123-secret");
        return settings;
    }

    private InvalidSettingsException refused(Map<String, String> settings) {
        return catchThrowableOfType(() -> format.connect("woo-main", settings), InvalidSettingsException.class);
    }

    @Test
    void typedValuesAndDefaults() {
        Map<String, String> settings = valid();
        settings.put("warehouse", "bl_206");

        ShopConnection connection = format.connect("woo-main", settings);

        assertThat(connection.id()).isEqualTo("woo-main");
        assertThat(connection.format()).isEqualTo("test");
        assertThat(connection.url("baseUrl")).isEqualTo(URI.create("https://shop.example.com"));
        assertThat(connection.text("apiKey")).isEqualTo("k-123-secret");
        assertThat(connection.text("warehouse")).isEqualTo("bl_206");
        assertThat(connection.integer("batchSize")).isEqualTo(100L);
        assertThat(connection.flag("dryRun")).isFalse();
    }

    @Test
    void optionalSettingWithoutDefaultIsAbsent() {
        ShopConnection connection = format.connect("woo-main", valid());

        assertThat(connection.has("warehouse")).isFalse();
        assertThat(connection.settings()).containsOnlyKeys("baseUrl", "apiKey", "batchSize", "dryRun");
    }

    @Test
    void missingRequiredSettingNamesConnectionFormatAndSetting() {
        Map<String, String> settings = valid();
        settings.remove("apiKey");

        assertThat(refused(settings).problems()).containsExactly(
                "connection 'woo-main', format 'test', setting 'apiKey': is required (The key.)");
    }

    @Test
    void blankCountsAsMissing() {
        Map<String, String> settings = valid();
        settings.put("apiKey", "  ");

        assertThat(refused(settings).problems()).containsExactly(
                "connection 'woo-main', format 'test', setting 'apiKey': is required (The key.)");
    }

    @Test
    void valueOutsideItsRuleIsQuoted() {
        Map<String, String> settings = valid();
        settings.put("batchSize", "250");

        assertThat(refused(settings).problems()).containsExactly(
                "connection 'woo-main', format 'test', setting 'batchSize': must be between 1 and 100, was '250'");
    }

    @Test
    void valueOfTheWrongType() {
        Map<String, String> settings = valid();
        settings.put("batchSize", "lots");
        settings.put("dryRun", "yes");
        settings.put("baseUrl", "shop.example.com");

        assertThat(refused(settings).problems()).containsExactly(
                "connection 'woo-main', format 'test', setting 'baseUrl': must be an http or https URL with a host, was 'shop.example.com'",
                "connection 'woo-main', format 'test', setting 'batchSize': must be a whole number, was 'lots'",
                "connection 'woo-main', format 'test', setting 'dryRun': must be true or false, was 'yes'");
    }

    @Test
    void plainHttpOnlyForThisMachine() {
        Map<String, String> settings = valid();
        settings.put("baseUrl", "http://shop.example.com");
        assertThat(refused(settings).problems()).containsExactly(
                "connection 'woo-main', format 'test', setting 'baseUrl': must use https (plain http only for localhost), was 'http://shop.example.com'");

        settings.put("baseUrl", "http://localhost:8089");
        assertThat(format.connect("woo-main", settings).url("baseUrl")).isEqualTo(URI.create("http://localhost:8089"));
    }

    @Test
    void patternRuleShowsAnExample() {
        Map<String, String> settings = valid();
        settings.put("warehouse", "206");

        assertThat(refused(settings).problems()).containsExactly(
                "connection 'woo-main', format 'test', setting 'warehouse': must look like bl_206, was '206'");
    }

    @Test
    void misspeltSettingIsRefusedWithTheKnownNames() {
        Map<String, String> settings = valid();
        settings.put("apikey", "k-123-secret");

        assertThat(refused(settings).problems()).containsExactly(
                "connection 'woo-main', format 'test', setting 'apikey': is not a setting of this format; "
                        + "known settings: apiKey, baseUrl, batchSize, dryRun, warehouse");
    }

    @Test
    void everyProblemAtOnceOneLineEach() {
        Map<String, String> settings = Map.of("batchSize", "0");

        InvalidSettingsException e = refused(settings);

        assertThat(e.connection()).isEqualTo("woo-main");
        assertThat(e.problems()).hasSize(3);
        assertThat(e.getMessage()).isEqualTo(String.join("\n", e.problems()));
    }

    @Test
    void secretValueNeverInAnError() {
        TestFormat strict = new TestFormat() {
            @Override
            public java.util.List<FormatSetting> settings() {
                return java.util.List.of(FormatSetting.integer("pin").asRequired().asSecret().describedAs("PIN."));
            }
        };

        InvalidSettingsException e = catchThrowableOfType(() -> strict.connect("shop-1", Map.of("pin", "s3cr3t-pin")),
                InvalidSettingsException.class);

        assertThat(e.problems()).containsExactly(
                "connection 'shop-1', format 'test', setting 'pin': must be a whole number");
        assertThat(e.getMessage()).doesNotContain("s3cr3t-pin");
    }

    @Test
    void connectionToStringMasksSecrets() {
        ShopConnection connection = format.connect("woo-main", valid());

        assertThat(connection.toString())
                .isEqualTo("ShopConnection[woo-main, format=test, baseUrl=https://shop.example.com, apiKey=****, "
                        + "batchSize=100, dryRun=false]")
                .doesNotContain("k-123-secret");
    }
}
