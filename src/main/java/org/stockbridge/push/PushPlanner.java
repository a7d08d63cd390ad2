package org.stockbridge.push;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.stockbridge.format.PricePush;
import org.stockbridge.format.ShopRequest;
import org.stockbridge.format.StockPush;
import org.stockbridge.hub.HubValueReader;
import org.stockbridge.hub.OutboxEntry;
import org.stockbridge.hub.OutboxStore;
import org.stockbridge.hub.ShopValueStore;
import org.stockbridge.rules.ShopPricePolicy;
import org.stockbridge.rules.ShopQuantity;
import org.stockbridge.rules.SyncComputation;
import org.stockbridge.rules.store.SyncRules;

/**
 * Turns claimed outbox entries into what the shop must show: stock through the sync rules (the shop's warehouse as
 * its default), prices from the shop's price group. Values equal to the shop value are left out unless "sync now"
 * forced them; the rest become the format's batched requests.
 */
@Component
class PushPlanner {

    /** The plan, and the entries that need nothing sent (value unchanged, link or price gone). */
    record Result(PushPlan plan, List<Long> settled) {
    }

    private final HubValueReader hubValues;
    private final ShopValueStore shopValues;
    private final SyncRules rules;

    PushPlanner(HubValueReader hubValues, ShopValueStore shopValues, SyncRules rules) {
        this.hubValues = hubValues;
        this.shopValues = shopValues;
        this.rules = rules;
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
        Map<Long, Map<String, Integer>> available = hubValues.available(productIds);
        Map<Long, BigDecimal> prices = shop.priceGroup() == null ? Map.of() : hubValues.prices(productIds, shop.priceGroup());
        SyncComputation computation = rules.engine().startComputation();

        Map<String, PlannedValue> planned = new LinkedHashMap<>();
        List<StockPush> stock = new ArrayList<>();
        List<PricePush> price = new ArrayList<>();
        byItem.forEach((key, same) -> {
            OutboxEntry entry = same.get(0);
            List<Long> ids = same.stream().map(OutboxEntry::id).toList();
            String old = sent.getOrDefault(entry.productId(), Map.of()).get(entry.kind());
            String value;
            String reason;
            Long ruleId = null;
            if (OutboxStore.STOCK.equals(entry.kind())) {
                ShopQuantity quantity = computation.quantityFor(shop.id(), entry.sku(),
                        available.getOrDefault(entry.productId(), Map.of()), List.of(shop.warehouse()));
                value = String.valueOf(quantity.quantity());
                reason = quantity.explanation();
                ruleId = quantity.ruleId();
            } else {
                BigDecimal hubPrice = prices.get(entry.productId());
                if (hubPrice == null) {
                    settled.addAll(ids); // no price in the shop's group: nothing to send
                    return;
                }
                value = text(ShopPricePolicy.UNCHANGED.priceFor(hubPrice));
                reason = "price group " + shop.priceGroup() + ": " + text(hubPrice);
            }
            boolean forced = same.stream().anyMatch(OutboxEntry::forced);
            if (!forced && value.equals(old)) {
                settled.addAll(ids);
                return;
            }
            int attempts = same.stream().mapToInt(OutboxEntry::attempts).max().orElse(0);
            planned.put(key, new PlannedValue(ids, entry.productId(), entry.sku(), entry.kind(), old, value,
                    forced ? reason + " (sync now)" : reason, ruleId, attempts));
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
        return new Result(new PushPlan(shop, requests, planned), settled);
    }

    /** 12.5000 as stored is sent as 12.50; 0.1234 keeps its four decimals. */
    private static String text(BigDecimal amount) {
        return amount.setScale(Math.max(2, amount.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY).toPlainString();
    }
}
