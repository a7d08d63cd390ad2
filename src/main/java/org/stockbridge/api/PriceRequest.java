package org.stockbridge.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Body of {@code PUT /api/products/{sku}/prices/{priceGroup}}: a decimal string such as "12.34" (gross). */
public record PriceRequest(
        @NotNull(message = "amount is required")
        @Pattern(regexp = "\\d{1,15}(\\.\\d{1,4})?", message = "amount must be a non-negative decimal string such as \"12.34\"")
        String amount) {
}
