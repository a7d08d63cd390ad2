package org.stockbridge.rules;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How one shop's price is made from the hub price of the shop's price group: {@code hub price × multiplier},
 * then {@link PriceRounding}. The defaults (multiplier 1, {@link PriceRounding#NONE}) send the hub price unchanged.
 *
 * @param multiplier e.g. 1.23 for a 23 % mark-up on a marketplace; must be positive
 * @param rounding   see {@link PriceRounding}
 */
public record ShopPricePolicy(BigDecimal multiplier, PriceRounding rounding) {

    public static final ShopPricePolicy UNCHANGED = new ShopPricePolicy(BigDecimal.ONE, PriceRounding.NONE);

    public ShopPricePolicy {
        multiplier = multiplier == null ? BigDecimal.ONE : multiplier;
        rounding = rounding == null ? PriceRounding.NONE : rounding;
        if (multiplier.signum() <= 0) {
            throw new IllegalArgumentException("price multiplier must be positive, was " + multiplier.toPlainString());
        }
    }

    public static ShopPricePolicy of(String multiplier, PriceRounding rounding) {
        return new ShopPricePolicy(new BigDecimal(multiplier), rounding);
    }

    /**
     * @param hubPrice the price in the shop's price group; not negative
     * @return the price to send to the shop (scale 2 unless the rounding is {@link PriceRounding#NONE})
     */
    public BigDecimal priceFor(BigDecimal hubPrice) {
        Objects.requireNonNull(hubPrice, "hubPrice");
        if (hubPrice.signum() < 0) {
            throw new IllegalArgumentException("hub price must not be negative, was " + hubPrice.toPlainString());
        }
        return rounding.round(hubPrice.multiply(multiplier));
    }
}
