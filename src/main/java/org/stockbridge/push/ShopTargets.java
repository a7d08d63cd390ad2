package org.stockbridge.push;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.stockbridge.hub.HubValueReader;
import org.stockbridge.hub.OutboxStore;
import org.stockbridge.rules.PriceRounding;
import org.stockbridge.rules.ShopPricePolicy;
import org.stockbridge.rules.ShopQuantity;
import org.stockbridge.rules.SyncComputation;
import org.stockbridge.rules.store.SyncRules;

/**
 * What a shop must show now for some products: stock through the sync rules (the shop's warehouse as its default),
 * prices from the shop's price group through its price policy. One computation serves the outbox drain and the
 * reconciliation alike, so a reconciled value is exactly what a push would send.
 */
@Component
class ShopTargets {

    /** One value the shop must show, as the text a push sends, with why (for the sync record). */
    record Target(String value, String reason, Long ruleId) {
    }

    private final HubValueReader hubValues;
    private final SyncRules rules;

    ShopTargets(HubValueReader hubValues, SyncRules rules) {
        this.hubValues = hubValues;
        this.rules = rules;
    }

    /** The hub's current values of these products, read once, for {@link Computed#of}. */
    Computed compute(OutboundShop shop, Collection<Long> productIds) {
        Map<Long, Map<String, Integer>> available = hubValues.available(productIds);
        Map<Long, BigDecimal> prices = shop.priceGroup() == null ? Map.of() : hubValues.prices(productIds, shop.priceGroup());
        return new Computed(shop, available, prices, rules.engine().startComputation());
    }

    /** The values of one computation; the sync rules as they were when it started. */
    static final class Computed {

        private final OutboundShop shop;
        private final Map<Long, Map<String, Integer>> available;
        private final Map<Long, BigDecimal> prices;
        private final SyncComputation computation;

        private Computed(OutboundShop shop, Map<Long, Map<String, Integer>> available, Map<Long, BigDecimal> prices,
                SyncComputation computation) {
            this.shop = shop;
            this.available = available;
            this.prices = prices;
            this.computation = computation;
        }

        /** The value of {@code kind} ({@link OutboxStore#STOCK} or {@link OutboxStore#PRICE}); empty: no price to send. */
        Optional<Target> of(long productId, String sku, String kind) {
            if (OutboxStore.STOCK.equals(kind)) {
                ShopQuantity quantity = computation.quantityFor(shop.id(), sku,
                        available.getOrDefault(productId, Map.of()), List.of(shop.warehouse()));
                return Optional.of(new Target(String.valueOf(quantity.quantity()), quantity.explanation(), quantity.ruleId()));
            }
            BigDecimal hubPrice = prices.get(productId);
            if (hubPrice == null) {
                return Optional.empty();
            }
            return Optional.of(new Target(text(shop.pricePolicy().priceFor(hubPrice)),
                    "price group " + shop.priceGroup() + ": " + text(hubPrice) + policyText(shop.pricePolicy()), null));
        }
    }

    /** How the price group's price became the shop's, for the sync record; nothing when it is sent unchanged. */
    private static String policyText(ShopPricePolicy policy) {
        if (policy.equals(ShopPricePolicy.UNCHANGED)) {
            return "";
        }
        return " × " + policy.multiplier().toPlainString() + (policy.rounding() == PriceRounding.NONE ? ""
                : ", rounded " + policy.rounding().name().toLowerCase(Locale.ROOT));
    }

    /** 12.5000 as stored is sent as 12.50; 0.1234 keeps its four decimals. */
    static String text(BigDecimal amount) {
        return amount.setScale(Math.max(2, amount.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY).toPlainString();
    }
}
