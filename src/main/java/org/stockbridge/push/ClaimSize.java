package org.stockbridge.push;

import java.time.Duration;

import org.stockbridge.format.CommonSettings;
import org.stockbridge.format.RateLimit;

/**
 * How many outbox entries one drain of a shop takes. Enough that the requests it becomes are full batches and
 * keep the shop busy for about a second at its rate limit: at least one full batch per kind (stock, prices), so a
 * BaseLinker request carries its 1 000 products; about one second's requests, so a fast shop is not held back by
 * one drain per request; at most {@link #MOST}, so one drain's statements and memory stay bounded. Entries claimed
 * wait, as requests, for their turn in the shop's pace; a second's worth keeps a change that arrives meanwhile
 * from waiting long for the next drain.
 * <p>
 * A format that declares no batch size (one request per item, or a mapping's own batches) gets
 * {@link #WITHOUT_BATCH_SIZE}, as every drain did before the sizing. {@code stockbridge.push.batch}, when set,
 * overrides all of this for every shop.
 * <p>
 * Whatever the size, a claim is at most what the shop's pace lets out in half the lease, counting one item per
 * request where the format declares no batch size: the claimed entries wait as requests for their turn, and a
 * lease that ran out before they left would let another drain take and send them too (a slow shop without
 * batches, 500 entries at 1 request/s, needed 500 s against the 5 minutes' lease).
 */
final class ClaimSize {

    static final int MOST = 5_000;
    static final int WITHOUT_BATCH_SIZE = 500;
    private static final int KINDS = 2;

    private ClaimSize() {
    }

    static int of(OutboundShop shop, Integer configured, Duration lease) {
        boolean batches = shop.connection().has(CommonSettings.BATCH_SIZE);
        int perRequest = batches ? CommonSettings.batchSize(shop.connection()) : 1;
        int size = configured != null ? configured : batches ? of(perRequest, shop.rateLimit()) : WITHOUT_BATCH_SIZE;
        return Math.min(size, withinLease(perRequest, shop.rateLimit(), lease));
    }

    static int of(int batchSize, RateLimit limit) {
        long periodMillis = limit.period().toMillis();
        long requestsPerSecond = Math.max(1, (limit.requests() * 1000 + periodMillis - 1) / periodMillis);
        long items = Math.max(KINDS, requestsPerSecond) * batchSize;
        return (int) Math.min(MOST, items);
    }

    /** The items the pace lets out in half the lease, at least one request's. */
    static int withinLease(int perRequest, RateLimit limit, Duration lease) {
        long requests = Math.max(1, lease.toMillis() / 2 * limit.requests() / limit.period().toMillis());
        return (int) Math.min(Integer.MAX_VALUE, requests * perRequest);
    }
}
