package org.stockbridge.hub;

import java.util.List;

/**
 * One outside system and its role for each data kind; for a superior connection also who owns product data,
 * the order products are matched in, and whether warehouses it reports that the hub lacks are created.
 */
public record Connection(
        String id,
        ConnectionType type,
        String name,
        Role stock,
        Role prices,
        Role products,
        Role orders,
        String warehouse,
        String priceGroup,
        boolean enabled,
        ProductMaster productMaster,
        List<MatchField> matchBy,
        boolean pullWarehouses) {
}
