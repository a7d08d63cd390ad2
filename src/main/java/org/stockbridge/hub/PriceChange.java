package org.stockbridge.hub;

import java.math.BigDecimal;

/** One requested price in a price group (gross, in the group's currency). */
public record PriceChange(String sku, String priceGroup, BigDecimal amount, String reason) {
}
