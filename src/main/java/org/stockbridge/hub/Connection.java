package org.stockbridge.hub;

/** One outside system and its role for each data kind. */
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
        boolean enabled) {
}
