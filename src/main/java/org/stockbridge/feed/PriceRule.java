package org.stockbridge.feed;

import java.math.BigDecimal;

/**
 * How the hub's price is computed from a feed's price; the mapping section {@code price:}.
 *
 * <p>The hub stores <b>gross</b> prices. A net price becomes gross = net × (1 + VAT/100), with the VAT rate from the
 * row ({@code fields.vatRate}) or else the fixed {@link #vat()}. Then: × {@link #multiplier()}, + {@link #add()},
 * rounded to cents HALF_UP, then to the {@link #rounding()} ending.
 *
 * @param vat        fixed VAT rate in percent used when the row has none (mapping {@code price.vat}); may be null
 * @param multiplier markup factor, default 1
 * @param add        amount added after multiplying, default 0
 * @param rounding   the final rounding
 */
public record PriceRule(BigDecimal vat, BigDecimal multiplier, BigDecimal add, PriceRounding rounding) {

    public static final PriceRule NONE = new PriceRule(null, BigDecimal.ONE, BigDecimal.ZERO, PriceRounding.CENTS);

    /** 1 + vat/100, exact (no division needed since percent is a decimal shift). */
    static BigDecimal grossFactor(BigDecimal vatPercent) {
        return BigDecimal.ONE.add(vatPercent.movePointLeft(2));
    }

    /** Applies multiplier, add and rounding to a gross price. */
    BigDecimal finish(BigDecimal gross) {
        BigDecimal price = gross;
        if (multiplier.compareTo(BigDecimal.ONE) != 0) {
            price = price.multiply(multiplier);
        }
        if (add.signum() != 0) {
            price = price.add(add);
        }
        return rounding.apply(price);
    }
}
