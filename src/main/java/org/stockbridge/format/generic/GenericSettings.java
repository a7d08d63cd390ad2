package org.stockbridge.format.generic;

import java.util.List;
import java.util.Set;

import org.stockbridge.format.CommonSettings;
import org.stockbridge.format.FormatSetting;
import org.stockbridge.format.RateLimit;
import org.stockbridge.format.SettingRule;
import org.stockbridge.format.ShopConnection;

/**
 * What a generic connection configures: its mapping, where requests or files go, how fast, and the credentials its
 * mapping's headers name as {@code ${apiKey}}. Credentials are fixed, declared settings (not free keys) so they are
 * masked like every other format's secrets and a misspelt one still fails at start-up.
 */
final class GenericSettings {

    static final String MAPPING = "mapping";
    static final String TARGET = "target";
    static final String REQUESTS_PER_MINUTE = "requestsPerMinute";
    static final String API_KEY = "apiKey";
    static final String API_SECRET = "apiSecret";
    static final String TOKEN = "token";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";

    /** Settings a mapping's header values may name as {@code ${name}}. */
    static final Set<String> REFERENCEABLE = Set.of(API_KEY, API_SECRET, TOKEN, USERNAME, PASSWORD);

    /** One a second: slow enough for a small shop's server, and a file target needs no more. */
    static final int SAFE_REQUESTS_PER_MINUTE = 60;

    static final List<FormatSetting> SETTINGS = List.of(
            FormatSetting.text(MAPPING).asRequired()
                    .withRule(SettingRule.matching("[A-Za-z0-9][A-Za-z0-9._-]*\\.ya?ml", "my-shop.yaml"))
                    .describedAs("The mapping file in the mappings folder that describes the requests or the file "
                            + "(docs/generic-format.md)."),
            FormatSetting.url(CommonSettings.BASE_URL).withRule(SettingRule.httpsOrLocal())
                    .describedAs("Where the shop's API is; required for a json mapping, whose paths are relative to it."),
            // secret although it holds no credential once valid: a refused value (one with a password pasted
            // into it) must not be echoed in the start-up error
            FormatSetting.text(TARGET).asSecret()
                    .withRule(SettingRule.matching("(file|ftp|ftps|sftp):(?!.*[?&]password=)(?!//[^/?@]*:[^/?@]*@).+",
                            "file:out/shop or sftp://user@host/stock (no password in it)"))
                    .describedAs("Where a csv or xml mapping's files go: a Camel file, ftp, ftps or sftp endpoint "
                            + "URI; required for those mappings. The password goes in the password setting."),
            CommonSettings.rate(REQUESTS_PER_MINUTE, SAFE_REQUESTS_PER_MINUTE, 60_000,
                    "Requests (or files) per minute; raise it to what the shop allows."),
            FormatSetting.text(API_KEY).asSecret().describedAs("A credential the mapping's headers may use as ${apiKey}."),
            FormatSetting.text(API_SECRET).asSecret().describedAs("A credential the mapping's headers may use as ${apiSecret}."),
            FormatSetting.text(TOKEN).asSecret().describedAs("A credential the mapping's headers may use as ${token}."),
            FormatSetting.text(USERNAME).describedAs("A login name the mapping's headers may use as ${username}."),
            FormatSetting.text(PASSWORD).asSecret().describedAs("The FTP/SFTP password of the target, or a "
                    + "credential the mapping's headers may use as ${password}."));

    private GenericSettings() {
    }

    static RateLimit rateLimit(ShopConnection connection) {
        return RateLimit.perMinute(connection.integer(REQUESTS_PER_MINUTE));
    }
}
