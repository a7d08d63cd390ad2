package org.stockbridge.hub;

public record PriceGroup(String id, String name, String currency) {
}
