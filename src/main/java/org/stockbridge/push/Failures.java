package org.stockbridge.push;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.stockbridge.hub.HubException;
import org.stockbridge.hub.OutboxFailure;
import org.stockbridge.hub.OutboxStore;

/** Failed transfers, for operators: the values a shop refused, and sending them again once the cause is fixed. */
@Service
public class Failures {

    private final OutboxStore outbox;
    private final Clock clock;

    Failures(OutboxStore outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public List<OutboxFailure> list() {
        return outbox.failures();
    }

    /**
     * The failed entry is due again at the next poll, with fresh attempts; what is sent is the value the hub has
     * then, not the one that failed.
     */
    public void retry(long id) {
        if (outbox.retryFailed(id, clock.instant()) == 0) {
            throw new HubException(HubException.Kind.NOT_FOUND, "no failed transfer with id " + id);
        }
    }

    /** Every failed entry is due again; returns how many. */
    public int retryAll() {
        return outbox.retryFailed(null, clock.instant());
    }
}
