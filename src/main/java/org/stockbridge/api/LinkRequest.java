package org.stockbridge.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /api/products/{sku}/links/{connection}}. */
public record LinkRequest(
        @NotBlank(message = "externalId is required") @Size(max = 200) String externalId,
        @Size(max = 200) String externalSku) {
}
