package org.stockbridge.push;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.stockbridge.config.StockbridgeProperties;
import org.stockbridge.format.FormatRegistry;
import org.stockbridge.format.FormatSetting;
import org.stockbridge.format.InvalidSettingsException;
import org.stockbridge.format.ShopConnection;
import org.stockbridge.format.ShopFormat;
import org.stockbridge.hub.HubException;
import org.stockbridge.format.ShopOperation;
import org.stockbridge.hub.Role;
import org.stockbridge.rules.PriceRounding;
import org.stockbridge.rules.ShopPricePolicy;

/**
 * The connections declared with a {@code format} that are inferior for stock or prices, validated at start-up
 * through {@link FormatRegistry#connect}: a misspelt setting or a missing secret stops the hub with a message
 * naming the connection and the setting, instead of surfacing at the first push.
 */
@Component
public class OutboundShops {

    private final Map<String, OutboundShop> shops = new LinkedHashMap<>();

    public OutboundShops(StockbridgeProperties properties, FormatRegistry formats) {
        List<String> problems = new ArrayList<>();
        properties.connections().forEach((id, declared) -> {
            try {
                shop(id, declared, formats).ifPresent(shop -> shops.put(id, shop));
            } catch (InvalidSettingsException | IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("stockbridge.connections: " + String.join("\n", problems));
        }
    }

    public Collection<OutboundShop> all() {
        return shops.values();
    }

    public Optional<OutboundShop> find(String id) {
        return Optional.ofNullable(shops.get(id));
    }

    /** The shop, for an operator's request about it. */
    public OutboundShop require(String id) {
        return find(id).orElseThrow(() -> new HubException(HubException.Kind.NOT_FOUND,
                "connection '" + id + "' is not a shop the hub sends to"));
    }

    private static Optional<OutboundShop> shop(String id, StockbridgeProperties.Connection declared, FormatRegistry formats) {
        boolean stock = Role.parse(declared.stock()) == Role.INFERIOR;
        boolean prices = Role.parse(declared.prices()) == Role.INFERIOR;
        boolean enabled = declared.enabled() == null || declared.enabled();
        if (declared.format() == null || !enabled || !(stock || prices)) {
            if (Boolean.TRUE.equals(declared.dryRun()) && declared.format() == null) {
                throw new IllegalArgumentException("connection '" + id + "': dry-run needs a format to build the requests");
            }
            return Optional.empty();
        }
        if (stock && declared.warehouse() == null) {
            throw new IllegalArgumentException("connection '" + id + "': inferior for stock, so it needs a warehouse");
        }
        if (prices && declared.priceGroup() == null) {
            throw new IllegalArgumentException("connection '" + id + "': inferior for prices, so it needs a price-group");
        }
        Optional<ShopFormat> format = formats.find(declared.format());
        Map<String, String> settings = format.map(f -> declaredNames(f, declared.settings())).orElse(declared.settings());
        // connect names an unknown format, so orElseThrow below is never reached for one
        ShopConnection connection = formats.connect(id, declared.format(), settings);
        List<String> cannot = format.orElseThrow().problemsSending(connection, operations(stock, prices));
        if (!cannot.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", cannot));
        }
        return Optional.of(new OutboundShop(id, format.orElseThrow(), connection, Boolean.TRUE.equals(declared.dryRun()),
                declared.warehouse(), declared.priceGroup(), pricePolicy(id, declared), reconcileInterval(id, declared)));
    }

    private static ShopPricePolicy pricePolicy(String id, StockbridgeProperties.Connection declared) {
        BigDecimal multiplier;
        try {
            multiplier = declared.priceMultiplier() == null ? BigDecimal.ONE : new BigDecimal(declared.priceMultiplier().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("connection '" + id + "': price-multiplier '" + declared.priceMultiplier()
                    + "' is not a decimal number (e.g. 1.23 for a 23 % mark-up)");
        }
        try {
            return new ShopPricePolicy(multiplier, PriceRounding.parse(declared.priceRounding()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("connection '" + id + "': " + e.getMessage());
        }
    }

    private static Duration reconcileInterval(String id, StockbridgeProperties.Connection declared) {
        Duration interval = declared.reconcileInterval();
        if (interval != null && interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("connection '" + id + "': reconcile-interval must be at least 1s, was " + interval);
        }
        return interval;
    }

    private static Set<ShopOperation> operations(boolean stock, boolean prices) {
        Set<ShopOperation> operations = EnumSet.noneOf(ShopOperation.class);
        if (stock) {
            operations.add(ShopOperation.STOCK);
        }
        if (prices) {
            operations.add(ShopOperation.PRICES);
        }
        return operations;
    }

    /**
     * Settings under the names the format declares. Environment variables and relaxed binding hand keys over as
     * {@code consumerkey} or {@code consumer-key}; both mean {@code consumerKey}. Unknown keys stay as given, so
     * the validator can name them.
     */
    private static Map<String, String> declaredNames(ShopFormat format, Map<String, String> given) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (given == null) {
            return settings;
        }
        given.forEach((key, value) -> settings.put(format.settings().stream().map(FormatSetting::name)
                .filter(name -> plain(name).equals(plain(key))).findFirst().orElse(key), value));
        return settings;
    }

    private static String plain(String key) {
        return key.replace("-", "").replace("_", "").toLowerCase(java.util.Locale.ROOT);
    }
}
