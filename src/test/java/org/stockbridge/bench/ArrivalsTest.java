package org.stockbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.stockbridge.format.RateLimit;

/** The push benchmark's reading of arrival times against a limit (times in ms, as nanoseconds). */
class ArrivalsTest {

    private static List<Long> ms(long... times) {
        return java.util.Arrays.stream(times).map(t -> t * 1_000_000).boxed().toList();
    }

    @Test
    void threeRequestsPerSecondSpacedAtTheLimitAreNoViolation() {
        Arrivals arrivals = new Arrivals(ms(0, 10, 20, 1000, 1010, 1020, 2000), new RateLimit(3, java.time.Duration.ofSeconds(1)));

        assertThat(arrivals.violations()).isZero();
        assertThat(arrivals.busiestWindow()).isEqualTo(3);
        // 6 requests after the first over 2 s = 3/s: exactly the limit
        assertThat(arrivals.ratio()).isEqualTo(1.0);
    }

    @Test
    void aFourthRequestWithinTheSameSecondIsOneViolationPerWindowHoldingIt() {
        Arrivals arrivals = new Arrivals(ms(0, 10, 20, 999, 1500), RateLimit.perSecond(3));

        // the second from 0 holds 0, 10, 20 and 999; the one from 10 ends before 1500, so it holds 3
        assertThat(arrivals.violations()).isEqualTo(1);
        assertThat(arrivals.busiestWindow()).isEqualTo(4);
        assertThat(arrivals.tightestExcessMillis()).isEqualTo(999);
    }

    @Test
    void aShopThatGotFewerRequestsThanOnePeriodAllowsHasNoRatio() {
        Arrivals arrivals = new Arrivals(ms(0, 30_000), RateLimit.perMinute(100));

        assertThat(arrivals.ratio()).isNaN();
        assertThat(arrivals.spanSeconds()).isEqualTo(30.0);
        assertThat(arrivals.violations()).isZero();
        assertThat(arrivals.tightestExcessMillis()).isEqualTo(-1);
    }

    @Test
    void halfTheAllowedRateIsRatioOneHalf() {
        // 11 requests, one every 200 ms: 5/s where 10/s were allowed
        Arrivals arrivals = new Arrivals(ms(0, 200, 400, 600, 800, 1000, 1200, 1400, 1600, 1800, 2000), RateLimit.perSecond(10));

        assertThat(arrivals.ratio()).isEqualTo(0.5);
    }
}
