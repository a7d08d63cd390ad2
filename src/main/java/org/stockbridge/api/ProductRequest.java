package org.stockbridge.api;

import java.util.Map;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /api/products/{sku}}. */
public record ProductRequest(
        @Pattern(regexp = "\\d{8}|\\d{12,14}", message = "EAN must be 8, 12, 13 or 14 digits") String ean,
        @Size(max = 500, message = "name is longer than 500 characters") String name,
        Map<String, Object> attributes) {
}
