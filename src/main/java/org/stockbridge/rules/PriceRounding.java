package org.stockbridge.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a shop price is rounded after the multiplier. Every mode except {@link #NONE} first rounds to cents
 * (scale 2, HALF_UP) — the price as a shop would display it — and then applies its ending to that figure,
 * so a seller can check any result by hand from the cents price. Results of those modes always have scale 2.
 */
public enum PriceRounding {

    /** The exact product of hub price and multiplier, unrounded — for targets that take more than two decimals. */
    NONE {
        @Override
        BigDecimal round(BigDecimal price) {
            return price;
        }
    },

    /** To the cent, HALF_UP: 12.345 → 12.35. */
    CENTS {
        @Override
        BigDecimal round(BigDecimal price) {
            return toCents(price);
        }
    },

    /**
     * To the smallest price ≥ the cents price that ends in .99: 12.30 → 12.99, 12.99 → 12.99, 13.00 → 13.99.
     * Always up, never down to 12.99, because a multiplier is usually a margin and rounding must not undercut it;
     * 13.00 → 13.99 is the price of that guarantee. A seller who prefers 12.99 there lowers the multiplier.
     */
    ENDING_99 {
        @Override
        BigDecimal round(BigDecimal price) {
            BigDecimal cents = toCents(price);
            // For a scale-2 price x, floor(x) + 0.99 is ≥ x and is the smallest .99 price that is.
            return cents.setScale(0, RoundingMode.FLOOR).add(NINETY_NINE);
        }
    },

    /**
     * To the nearest 0.05, HALF_UP on the cents price: 12.32 → 12.30, 12.33 → 12.35, 12.375 → 12.38 → 12.40; a
     * positive price never becomes 0.00 (0.02 → 0.05). For currencies without one-cent coins (Swiss francs) and shops
     * that price in five-cent steps.
     */
    STEP_05 {
        @Override
        BigDecimal round(BigDecimal price) {
            return notFree(price, toCents(price).divide(FIVE_CENTS, 0, RoundingMode.HALF_UP).multiply(FIVE_CENTS),
                    FIVE_CENTS);
        }
    },

    /**
     * To the whole currency unit, HALF_UP on the cents price: 12.49 → 12.00, 12.50 → 13.00; a positive price never
     * becomes 0.00 (0.30 → 1.00).
     */
    WHOLE {
        @Override
        BigDecimal round(BigDecimal price) {
            return notFree(price, toCents(price).setScale(0, RoundingMode.HALF_UP).setScale(2), BigDecimal.ONE);
        }
    };

    private static final BigDecimal NINETY_NINE = new BigDecimal("0.99");
    private static final BigDecimal FIVE_CENTS = new BigDecimal("0.05");

    /** The words a connection's {@code price-rounding} setting takes, as an operator would write them. */
    public static final String ACCEPTED = "none, cents, .99, 0.05, whole";

    /**
     * The rounding a {@code price-rounding} setting names: {@code none} (or empty), {@code cents}, {@code .99}
     * (also {@code 0.99}, {@code ending-99}), {@code 0.05} (also {@code .05}, {@code step-05}), {@code whole}; case
     * and {@code -}/{@code _} do not matter.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static PriceRounding parse(String text) {
        String word = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return switch (word) {
            case "", "none" -> NONE;
            case "cents", "0.01", ".01" -> CENTS;
            case ".99", "0.99", "99", "ending-99" -> ENDING_99;
            case "0.05", ".05", "step-05" -> STEP_05;
            case "whole", "1", "1.00" -> WHOLE;
            default -> throw new IllegalArgumentException("price-rounding '" + text + "' is not one of " + ACCEPTED);
        };
    }

    abstract BigDecimal round(BigDecimal price);

    /** A rounding to the nearest step must not give a product away: a positive price goes up to one step. */
    private static BigDecimal notFree(BigDecimal price, BigDecimal rounded, BigDecimal step) {
        return rounded.signum() == 0 && price.signum() > 0 ? step.setScale(2) : rounded;
    }

    private static BigDecimal toCents(BigDecimal price) {
        return price.setScale(2, RoundingMode.HALF_UP);
    }
}
