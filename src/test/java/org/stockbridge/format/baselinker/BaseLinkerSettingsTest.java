package org.stockbridge.format.baselinker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.stockbridge.format.InvalidSettingsException;
import org.stockbridge.format.RateLimit;

class BaseLinkerSettingsTest {

    @Test
    void defaultsAreTheApisLimits() {
        assertThat(BaseLinker.connection().integer("batchSize")).isEqualTo(1000L);
        assertThat(BaseLinker.FORMAT.rateLimit(BaseLinker.connection())).isEqualTo(new RateLimit(100, Duration.ofMinutes(1)));
    }

    @Test
    void aLowerRateForATokenSharedWithOtherTools() {
        assertThat(BaseLinker.FORMAT.rateLimit(BaseLinker.connection(Map.of("requestsPerMinute", "40"))))
                .isEqualTo(RateLimit.perMinute(40));
    }

    @Test
    void everyProblemNamesConnectionFormatAndSetting() {
        InvalidSettingsException e = catchThrowableOfType(() -> BaseLinker.FORMAT.connect("bl-main",
                Map.of("inventoryId", "0", "warehouseId", "206", "requestsPerMinute", "150", "batchSize", "5000")),
                InvalidSettingsException.class);

        assertThat(e.problems()).containsExactly(
                "connection 'bl-main', format 'baselinker', setting 'token': is required (API token from Account & "
                        + "other → My account → API; sent in the X-BLToken header.)",
                "connection 'bl-main', format 'baselinker', setting 'inventoryId': must be at least 1, was '0'",
                "connection 'bl-main', format 'baselinker', setting 'warehouseId': must look like bl_206, was '206'",
                "connection 'bl-main', format 'baselinker', setting 'batchSize': must be between 1 and 1000, was '5000'",
                "connection 'bl-main', format 'baselinker', setting 'requestsPerMinute': must be between 1 and 100, was '150'");
    }
}
