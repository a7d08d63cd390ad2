package org.stockbridge.feed;

import java.math.BigDecimal;

/**
 * Computes the hub's gross price of a row from its price text (and VAT text) by the mapping's {@link PriceRule}.
 *
 * <p>Two paths, same result: a long-arithmetic one used for ordinary prices (no allocation but the result), and
 * the BigDecimal one, which defines the semantics, used whenever a value does not fit or the result would be
 * negative. PriceCalculatorTest checks that they agree.
 */
final class PriceCalculator {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final PriceRule rule;
    private final boolean decimalComma;
    private final FixedDecimal price = new FixedDecimal();
    private final FixedDecimal vat = new FixedDecimal();
    private final FixedDecimal fixedVat;
    private final FixedDecimal multiplier;
    private final FixedDecimal add;

    PriceCalculator(PriceRule rule, boolean decimalComma) {
        this.rule = rule;
        this.decimalComma = decimalComma;
        this.fixedVat = fixed(rule.vat());
        this.multiplier = rule.multiplier().compareTo(BigDecimal.ONE) == 0 ? null : fixed(rule.multiplier());
        this.add = rule.add().signum() == 0 ? null : fixed(rule.add());
    }

    /** Null when the value does not fit a long: the BigDecimal path is then always taken. */
    private static FixedDecimal fixed(BigDecimal value) {
        if (value == null || !FixedDecimal.fits(value)) {
            return null;
        }
        FixedDecimal fixed = new FixedDecimal();
        fixed.set(value);
        return fixed;
    }

    /** Gross price from a net price and the row's VAT rate text (null/blank: the mapping's fixed rate). */
    BigDecimal fromNet(String netText, String vatText) throws RowProblem {
        boolean fast = read(netText, FeedField.NET_PRICE, price) & readVat(vatText);
        if (fast) {
            BigDecimal result = fast(price, vat);
            if (result != null) {
                return result;
            }
        }
        BigDecimal net = exact(netText, FeedField.NET_PRICE);
        return finish(net.multiply(PriceRule.grossFactor(exactVat(vatText))));
    }

    /** Gross price from the feed's gross price. */
    BigDecimal fromGross(String grossText) throws RowProblem {
        if (read(grossText, FeedField.GROSS_PRICE, price)) {
            BigDecimal result = fast(price, null);
            if (result != null) {
                return result;
            }
        }
        return finish(exact(grossText, FeedField.GROSS_PRICE));
    }

    /** Parses into {@code into}; false when only BigDecimal can hold it; a RowProblem when it is no number. */
    private boolean read(String text, FeedField field, FixedDecimal into) throws RowProblem {
        if (text == null) {
            throw new RowProblem("missing " + field.label());
        }
        int result = into.parse(text, decimalComma);
        if (result == FixedDecimal.NOT_A_NUMBER) {
            throw notANumber(field, text);
        }
        if (result == FixedDecimal.OK && into.unscaled < 0) {
            throw new RowProblem("negative " + field.label() + " " + text);
        }
        return result == FixedDecimal.OK;
    }

    private boolean readVat(String text) throws RowProblem {
        if (text == null) {
            if (rule.vat() == null) {
                throw new RowProblem("missing VAT rate");
            }
            if (fixedVat == null) {
                return false;
            }
            vat.unscaled = fixedVat.unscaled;
            vat.scale = fixedVat.scale;
            return true;
        }
        int result = vat.parse(percentNumber(text), decimalComma);
        if (result == FixedDecimal.NOT_A_NUMBER) {
            throw notANumber(FeedField.VAT_RATE, text);
        }
        if (result != FixedDecimal.OK || vat.scale > 6) {
            return false; // odd but possibly valid: the BigDecimal path checks and computes it
        }
        if (vat.unscaled < 0 || vat.unscaled > 100 * FixedDecimal.POWERS_OF_TEN[vat.scale]) {
            throw vatOutOfRange(text);
        }
        return true;
    }

    /**
     * (price × (1 + vat/100) × multiplier + add), HALF_UP to cents, then the ending; null if a step overflows a
     * long or the result is negative (the BigDecimal path then decides, and reports).
     */
    private BigDecimal fast(FixedDecimal base, FixedDecimal vatRate) {
        try {
            long value = base.unscaled;
            int scale = base.scale;
            if (vatRate != null) {
                // 1 + v/100 = (100·10^t + v) / 10^(t+2)
                long factor = Math.addExact(Math.multiplyExact(100, pow10(vatRate.scale)), vatRate.unscaled);
                value = Math.multiplyExact(value, factor);
                scale += vatRate.scale + 2;
            }
            if (multiplier != null) {
                value = Math.multiplyExact(value, multiplier.unscaled);
                scale += multiplier.scale;
            }
            if (add != null) {
                if (scale >= add.scale) {
                    value = Math.addExact(value, Math.multiplyExact(add.unscaled, pow10(scale - add.scale)));
                } else {
                    value = Math.addExact(Math.multiplyExact(value, pow10(add.scale - scale)), add.unscaled);
                    scale = add.scale;
                }
            }
            if (value < 0) {
                return null;
            }
            long cents;
            if (scale > 2) {
                long divisor = pow10(scale - 2);
                cents = value / divisor;
                if ((value % divisor) * 2 >= divisor) {
                    cents++; // HALF_UP
                }
            } else {
                cents = Math.multiplyExact(value, pow10(2 - scale));
            }
            PriceRounding rounding = rule.rounding();
            if (rounding.isEnding()) {
                long candidate = cents - cents % 100 + rounding.endingCents();
                cents = candidate >= cents ? candidate : Math.addExact(candidate, 100);
            }
            return BigDecimal.valueOf(cents, 2);
        } catch (ArithmeticException overflow) {
            return null;
        }
    }

    private static long pow10(int exponent) {
        if (exponent >= FixedDecimal.POWERS_OF_TEN.length) {
            throw new ArithmeticException("scale too large for a long");
        }
        return FixedDecimal.POWERS_OF_TEN[exponent];
    }

    private BigDecimal exact(String text, FeedField field) throws RowProblem {
        BigDecimal value = FeedNumbers.decimal(text, decimalComma);
        if (value == null) {
            throw notANumber(field, text);
        }
        if (value.signum() < 0) {
            throw new RowProblem("negative " + field.label() + " " + text);
        }
        return value;
    }

    private BigDecimal exactVat(String text) throws RowProblem {
        if (text == null) {
            return rule.vat(); // presence checked by readVat
        }
        BigDecimal value = FeedNumbers.decimal(percentNumber(text), decimalComma);
        if (value == null) {
            throw notANumber(FeedField.VAT_RATE, text);
        }
        if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
            throw vatOutOfRange(text);
        }
        return value;
    }

    private BigDecimal finish(BigDecimal gross) throws RowProblem {
        BigDecimal result = rule.finish(gross);
        if (result.signum() < 0) {
            throw new RowProblem("price " + result.toPlainString() + " is negative after the price formula");
        }
        return result;
    }

    /** "23%" and "23 %" are how VAT columns often look. */
    private static String percentNumber(String text) {
        return text.endsWith("%") ? text.substring(0, text.length() - 1).trim() : text;
    }

    private RowProblem notANumber(FeedField field, String text) {
        String hint = !decimalComma && text.indexOf(',') >= 0 ? " (the mapping has decimalComma: false)" : "";
        return new RowProblem(field.label() + " '" + text + "' is not a number" + hint);
    }

    private static RowProblem vatOutOfRange(String text) {
        return new RowProblem("VAT rate '" + text + "' is not a percentage from 0 to 100");
    }
}
