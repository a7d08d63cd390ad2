package org.stockbridge.push;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import org.stockbridge.format.ProductCatalog;
import org.stockbridge.format.RateLimit;
import org.stockbridge.format.ShopConnection;
import org.stockbridge.format.ShopFormat;
import org.stockbridge.rules.ShopPricePolicy;

/**
 * A shop the hub sends stock and/or prices to: its format with validated settings, whether it is in dry-run, and
 * where its values come from (the warehouse its stock defaults to, the price group it is sent, made into the shop's
 * price by its price policy), and how often it is reconciled (null: only on demand).
 */
public record OutboundShop(String id, ShopFormat format, ShopConnection connection, boolean dryRun,
        String warehouse, String priceGroup, ShopPricePolicy pricePolicy, Duration reconcileInterval) {

    /** A shop with the price group's prices unchanged and no scheduled reconciliation. */
    public OutboundShop(String id, ShopFormat format, ShopConnection connection, boolean dryRun, String warehouse,
            String priceGroup) {
        this(id, format, connection, dryRun, warehouse, priceGroup, ShopPricePolicy.UNCHANGED, null);
    }

    public OutboundShop {
        pricePolicy = pricePolicy == null ? ShopPricePolicy.UNCHANGED : pricePolicy;
    }

    /** Where the shop's current values can be read back from (reconciliation), if its format can list products. */
    public Optional<ProductCatalog> catalog() {
        return format instanceof ProductCatalog catalog ? Optional.of(catalog) : Optional.empty();
    }

    public RateLimit rateLimit() {
        return format.rateLimit(connection);
    }

    public URI baseUrl() {
        return format.baseUrl(connection);
    }
}
