package org.stockbridge.push;

import java.net.URI;

import org.stockbridge.format.RateLimit;
import org.stockbridge.format.ShopConnection;
import org.stockbridge.format.ShopFormat;

/**
 * A shop the hub sends stock and/or prices to: its format with validated settings, whether it is in dry-run, and
 * where its values come from (the warehouse its stock defaults to, the price group it is sent).
 */
public record OutboundShop(String id, ShopFormat format, ShopConnection connection, boolean dryRun,
        String warehouse, String priceGroup) {

    public RateLimit rateLimit() {
        return format.rateLimit(connection);
    }

    public URI baseUrl() {
        return format.baseUrl(connection);
    }
}
