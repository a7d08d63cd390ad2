package org.stockbridge.push;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jmx.export.annotation.ManagedAttribute;
import org.springframework.jmx.export.annotation.ManagedOperation;
import org.springframework.jmx.export.annotation.ManagedResource;
import org.springframework.stereotype.Component;
import org.stockbridge.hub.OutboxStore;

/**
 * One {@link ShopBreaker} per shop the hub sends to, shown in Hawtio's JMX tab as {@code stockbridge:name=shopBreakers}
 * (and through {@code GET /api/shops/{id}/status}). The state lives in this instance: each hub instance pauses a
 * failing shop on its own, which is what a breaker is for — sparing the requests this instance would send.
 */
@Component
@ManagedResource(objectName = "stockbridge:name=shopBreakers", description = "Circuit breakers of the shops the hub sends to")
public class ShopBreakers {

    private final Map<String, ShopBreaker> breakers = new LinkedHashMap<>();
    private final OutboundShops shops;
    private final OutboxStore outbox;
    private final ShopSenders senders;

    ShopBreakers(OutboundShops shops, OutboxStore outbox, ShopSenders senders, PushProperties settings, Clock clock) {
        this.shops = shops;
        this.outbox = outbox;
        this.senders = senders;
        for (OutboundShop shop : shops.all()) {
            breakers.put(shop.id(), new ShopBreaker(shop.id(), settings.breaker().failures(), settings.breaker().openFor(), clock));
        }
    }

    public ShopBreaker of(String connection) {
        return breakers.get(shops.require(connection).id());
    }

    /**
     * The shop's breaker and outbox counts, and whether this instance sends to it; dry-run shops have a breaker that
     * never opens (nothing is sent).
     */
    public ShopStatus status(String connection) {
        OutboundShop shop = shops.require(connection);
        return new ShopStatus(shop.id(), shop.format().name(), shop.dryRun(), senders.holds(shop.id()),
                of(connection).status(), outbox.counts(connection));
    }

    @ManagedAttribute(description = "One line per shop: breaker state, failed requests in a row, pause end, last failure")
    public List<String> getStates() {
        List<String> lines = new ArrayList<>();
        breakers.forEach((id, breaker) -> lines.add(line(id, breaker.status())));
        return lines;
    }

    @ManagedOperation(description = "The breaker of one shop, as one line")
    public String state(String connection) {
        return line(connection, of(connection).status());
    }

    private static String line(String id, ShopBreaker.Status status) {
        return id + ": " + status.state() + (status.openUntil() == null ? "" : " until " + status.openUntil())
                + ", " + status.failuresInARow() + " failed requests in a row, opened " + status.timesOpened() + " times"
                + (status.lastFailure() == null ? "" : ", last failure: " + status.lastFailure());
    }
}
