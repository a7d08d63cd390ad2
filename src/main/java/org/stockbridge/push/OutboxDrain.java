package org.stockbridge.push;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;
import org.stockbridge.hub.OutboxEntry;
import org.stockbridge.hub.OutboxStore;

/**
 * One look at a shop's outbox: claims the due entries (committed at once, so no other drain takes them while the
 * requests are under way), plans what to send, and settles at once the entries that need nothing sent.
 */
@Component
public class OutboxDrain {

    private final OutboxStore outbox;
    private final PushPlanner planner;
    private final PushProperties settings;
    private final Clock clock;
    private final DrainTurns turns;

    OutboxDrain(OutboxStore outbox, PushPlanner planner, PushProperties settings, Clock clock, DrainTurns turns) {
        this.turns = turns;
        this.outbox = outbox;
        this.planner = planner;
        this.settings = settings;
        this.clock = clock;
    }

    public PushPlan next(OutboundShop shop) {
        return turns.take(() -> plan(shop));
    }

    private PushPlan plan(OutboundShop shop) {
        int size = ClaimSize.of(shop, settings.batch(), settings.lease());
        List<OutboxEntry> claimed = outbox.claim(shop.id(), size, clock.instant(), settings.lease());
        if (claimed.isEmpty()) {
            return PushPlan.empty(shop);
        }
        PushPlanner.Result result = planner.plan(shop, claimed);
        if (!result.settled().isEmpty()) {
            outbox.done(result.plan().claim(), result.settled());
        }
        // a full claim leaves more due behind it: the route drains again at once instead of waiting for its poll
        return result.plan().withMoreDue(claimed.size() >= size);
    }
}
