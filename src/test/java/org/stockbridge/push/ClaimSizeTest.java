package org.stockbridge.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.stockbridge.format.RateLimit;

/** How much one drain may claim: never more than the shop's pace sends within half the lease. */
class ClaimSizeTest {

    private static final Duration LEASE = Duration.ofMinutes(5);

    @Test
    void aBatchedShopClaimsAboutASecondsRequests() {
        assertThat(ClaimSize.of(100, RateLimit.perSecond(10))).isEqualTo(1_000);
        assertThat(ClaimSize.of(1_000, RateLimit.perMinute(100))).as("one batch per kind").isEqualTo(2_000);
        assertThat(ClaimSize.of(100, RateLimit.perSecond(200))).as("at most").isEqualTo(ClaimSize.MOST);
    }

    @Test
    void oneItemPerRequestAtASlowPaceIsCappedToWhatLeavesWithinHalfTheLease() {
        assertThat(ClaimSize.withinLease(1, RateLimit.perSecond(1), LEASE)).isEqualTo(150);
        assertThat(ClaimSize.withinLease(1, RateLimit.perMinute(60), LEASE)).isEqualTo(150);
        assertThat(ClaimSize.withinLease(1, RateLimit.perMinute(30), Duration.ofSeconds(1))).as("one request at least")
                .isEqualTo(1);
        assertThat(ClaimSize.withinLease(100, RateLimit.perSecond(5), LEASE)).as("batches: far above a claim")
                .isEqualTo(75_000);
    }
}
