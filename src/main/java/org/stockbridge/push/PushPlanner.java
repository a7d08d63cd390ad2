package org.stockbridge.push;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.stockbridge.format.PricePush;
import org.stockbridge.format.ShopRequest;
import org.stockbridge.format.StockPush;
import org.stockbridge.hub.OutboxEntry;
import org.stockbridge.hub.OutboxStore;
import org.stockbridge.hub.ShopValueStore;

/**
 * Turns claimed outbox entries into what the shop must show ({@link ShopTargets}). Values equal to the shop value
 * are left out unless "sync now" forced them; the rest become the format's batched requests.
 */
@Component
class PushPlanner {

    /** The plan, and the entries that need nothing sent (value unchanged, link or price gone). */
    record Result(PushPlan plan, List<Long> settled) {
    }

    private final ShopTargets targets;
    private final ShopValueStore shopValues;

    PushPlanner(ShopTargets targets, ShopValueStore shopValues) {
        this.targets = targets;
        this.shopValues = shopValues;
    }

    Result plan(OutboundShop shop, List<OutboxEntry> entries) {
        List<Long> settled = new ArrayList<>();
        Map<String, List<OutboxEntry>> byItem = new LinkedHashMap<>();
        for (OutboxEntry entry : entries) {
            if (entry.externalId() == null) {
                settled.add(entry.id()); // unlinked since the change: the shop has no item to send it to
            } else {
                // a retried entry and a newer one for the same item are sent once
                byItem.computeIfAbsent(PushPlan.key(entry.kind(), entry.sku()), key -> new ArrayList<>()).add(entry);
            }
        }
        Set<Long> productIds = entries.stream().map(OutboxEntry::productId).collect(Collectors.toSet());
        Map<Long, Map<String, String>> sent = shopValues.read(shop.id(), productIds);
        ShopTargets.Computed computed = targets.compute(shop, productIds);

        Map<String, PlannedValue> planned = new LinkedHashMap<>();
        List<StockPush> stock = new ArrayList<>();
        List<PricePush> price = new ArrayList<>();
        byItem.forEach((key, same) -> {
            OutboxEntry entry = same.get(0);
            List<Long> ids = same.stream().map(OutboxEntry::id).toList();
            String old = sent.getOrDefault(entry.productId(), Map.of()).get(entry.kind());
            Optional<ShopTargets.Target> target = computed.of(entry.productId(), entry.sku(), entry.kind());
            if (target.isEmpty()) {
                settled.addAll(ids); // no price in the shop's group: nothing to send
                return;
            }
            String value = target.get().value();
            boolean forced = same.stream().anyMatch(OutboxEntry::forced);
            if (!forced && value.equals(old)) {
                settled.addAll(ids);
                return;
            }
            int attempts = same.stream().mapToInt(OutboxEntry::attempts).max().orElse(0);
            String reason = target.get().reason();
            planned.put(key, new PlannedValue(ids, entry.productId(), entry.sku(), entry.kind(), old, value,
                    forced ? reason + " (sync now)" : reason, target.get().ruleId(), attempts));
            if (OutboxStore.STOCK.equals(entry.kind())) {
                // "sync now" overwrites whatever the shop shows, so it gives no last-sent quantity to compare with
                stock.add(new StockPush(entry.sku(), entry.externalId(), null, Integer.parseInt(value),
                        forced || old == null ? null : Integer.valueOf(old)));
            } else {
                price.add(PricePush.of(entry.sku(), entry.externalId(), new BigDecimal(value)));
            }
        });
        List<ShopRequest> requests = new ArrayList<>();
        if (!stock.isEmpty()) {
            requests.addAll(shop.format().stockRequests(shop.connection(), stock));
        }
        if (!price.isEmpty()) {
            requests.addAll(shop.format().pricesRequests(shop.connection(), price));
        }
        return new Result(new PushPlan(shop, requests, planned, entries.get(0).claim()), settled);
    }
}
