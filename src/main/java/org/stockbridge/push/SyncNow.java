package org.stockbridge.push;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stockbridge.hub.Connection;
import org.stockbridge.hub.HubException;
import org.stockbridge.hub.OutboxStore;
import org.stockbridge.hub.ReferenceDataStore;
import org.stockbridge.hub.Role;

/**
 * "Sync now": every product linked to a shop is put in its outbox for each kind the shop is inferior for, marked
 * to be sent even where the shop value says the shop already shows it — for a shop that was edited by hand, or
 * restored from a backup. The shop's hub-to-shop route sends them at its next poll.
 */
@Service
public class SyncNow {

    private final ReferenceDataStore reference;
    private final OutboxStore outbox;
    private final Clock clock;

    SyncNow(ReferenceDataStore reference, OutboxStore outbox, Clock clock) {
        this.reference = reference;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * @param connection one connection, or null for every enabled connection inferior for stock or prices
     * @return outbox entries added
     * @throws HubException for an unknown connection, or one the hub sends nothing to
     */
    @Transactional
    public int run(String connection) {
        List<Connection> targets;
        if (connection == null) {
            targets = reference.connections().stream().filter(c -> c.enabled() && receives(c)).toList();
        } else {
            Connection c = reference.connection(connection).orElseThrow(() ->
                    new HubException(HubException.Kind.NOT_FOUND, "unknown connection '" + connection + "'"));
            if (!c.enabled() || !receives(c)) {
                throw HubException.invalid("connection '" + connection + "' is "
                        + (c.enabled() ? "inferior for neither stock nor prices" : "disabled") + ": the hub sends it nothing");
            }
            targets = List.of(c);
        }
        int added = 0;
        for (Connection c : targets) {
            if (c.stock() == Role.INFERIOR) {
                added += outbox.enqueueAllLinked(c.id(), OutboxStore.STOCK, clock.instant());
            }
            if (c.prices() == Role.INFERIOR) {
                added += outbox.enqueueAllLinked(c.id(), OutboxStore.PRICE, clock.instant());
            }
        }
        return added;
    }

    private static boolean receives(Connection c) {
        return c.stock() == Role.INFERIOR || c.prices() == Role.INFERIOR;
    }
}
