package org.stockbridge.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Body of {@code PUT /api/products/{sku}/stock/{warehouse}}: the on-hand quantity. */
public record StockRequest(
        @NotNull(message = "quantity is required") @Min(value = 0, message = "quantity must not be negative") Integer quantity) {
}
