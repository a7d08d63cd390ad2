package org.stockbridge.bench;

import java.util.List;

import org.stockbridge.format.RateLimit;

/**
 * What a shop's request arrival times (System.nanoTime, sorted) say about its rate limit of N requests per period,
 * read as a sliding window, the way a shop counts: any N + 1 requests that arrived within less than one period
 * are a violation.
 */
record Arrivals(List<Long> times, RateLimit limit) {

    private long periodNanos() {
        return limit.period().toNanos();
    }

    /** Windows with one request too many: the i-th arrival and the (i + N)-th lie less than a period apart. */
    int violations() {
        int n = Math.toIntExact(limit.requests());
        int count = 0;
        for (int i = 0; i + n < times.size(); i++) {
            if (times.get(i + n) - times.get(i) < periodNanos()) {
                count++;
            }
        }
        return count;
    }

    /**
     * The shortest time, in ms, in which limit + 1 requests arrived (below one period: a violation); -1 when there
     * were never more requests than the limit.
     */
    long tightestExcessMillis() {
        int n = Math.toIntExact(limit.requests());
        long tightest = Long.MAX_VALUE;
        for (int i = 0; i + n < times.size(); i++) {
            tightest = Math.min(tightest, times.get(i + n) - times.get(i));
        }
        return tightest == Long.MAX_VALUE ? -1 : tightest / 1_000_000;
    }

    /** The most requests that arrived within any one period (a window starting at an arrival). */
    int busiestWindow() {
        int most = 0;
        int start = 0;
        for (int end = 0; end < times.size(); end++) {
            while (times.get(end) - times.get(start) >= periodNanos()) {
                start++;
            }
            most = Math.max(most, end - start + 1);
        }
        return most;
    }

    /**
     * Achieved rate / configured limit: requests after the first over the span from first to last arrival, per
     * period. NaN when all requests fit into one period's allowance: then the limit never held the shop back.
     */
    double ratio() {
        if (times.size() <= limit.requests()) {
            return Double.NaN;
        }
        double periods = (times.get(times.size() - 1) - times.get(0)) / (double) periodNanos();
        return (times.size() - 1) / periods / limit.requests();
    }

    double spanSeconds() {
        return times.size() < 2 ? 0 : (times.get(times.size() - 1) - times.get(0)) / 1e9;
    }
}
