package org.stockbridge.hub;

public record Warehouse(String id, String name) {
}
