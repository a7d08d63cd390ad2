package org.stockbridge.feed;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The last step of the price formula; the mapping key {@code price.rounding}.
 *
 * <p>Every price is first rounded to cents (HALF_UP). An <em>ending</em> such as {@code 0.99} then rounds the
 * price <b>up</b> to the next price with those cents: 12.34 → 12.99, 12.99 stays, 13.00 → 13.99; with
 * {@code 0.49}: 12.50 → 13.49. Shops price this way, and rounding up never sells below the computed price.
 *
 * @param endingCents the cents every price ends in (0–99), or -1 for plain rounding to cents
 */
public record PriceRounding(int endingCents) {

    public static final PriceRounding CENTS = new PriceRounding(-1);

    public static PriceRounding ending(int cents) {
        if (cents < 0 || cents > 99) {
            throw new IllegalArgumentException("price ending must be 0.00–0.99, got " + cents);
        }
        return new PriceRounding(cents);
    }

    public boolean isEnding() {
        return endingCents >= 0;
    }

    BigDecimal apply(BigDecimal price) {
        BigDecimal cents = price.setScale(2, RoundingMode.HALF_UP);
        if (!isEnding()) {
            return cents;
        }
        BigDecimal ending = BigDecimal.valueOf(endingCents, 2);
        BigDecimal candidate = cents.setScale(0, RoundingMode.FLOOR).add(ending);
        return candidate.compareTo(cents) >= 0 ? candidate : candidate.add(BigDecimal.ONE);
    }

    @Override
    public String toString() {
        return isEnding() ? BigDecimal.valueOf(endingCents, 2).toPlainString() : "none";
    }
}
