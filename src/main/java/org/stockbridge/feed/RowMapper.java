package org.stockbridge.feed;

import java.math.BigDecimal;

/**
 * Turns one {@link RawRecord} into a {@link ProductRow} or a {@link RowError} by the mapping's rules: key present,
 * stock a whole number ≥ 0 (or a configured word), price net→gross with the formula, no undecodable characters, SKU,
 * EAN and name no longer than the hub stores.
 * Shared by the CSV, XML and JSON readers so the three formats cannot drift apart.
 */
final class RowMapper {

    private static final char REPLACEMENT = '\uFFFD';

    /** What the hub's columns hold (product.sku, product.ean, product.name): longer is a bad row, not a failed batch. */
    private record Limit(FeedField field, String label, int characters) {
    }

    private static final Limit[] LIMITS = {new Limit(FeedField.SKU, "SKU", 100), new Limit(FeedField.EAN, "EAN", 14),
            new Limit(FeedField.NAME, "name", 500)};

    private final FeedMapping mapping;
    private final String fileName;
    private final String[] labels;
    private final String encodingLabel;
    private final FeedField keyField;
    private final FeedField[] mapped;
    private final boolean hasStock;
    private final boolean hasPrice;
    private final boolean hasNetPrice;
    private final PriceCalculator prices;

    /**
     * @param labels        how to name each field's source in messages, by ordinal ("column 'Nazwa'", "element
     *                      'stock/quantity'", "field '/price/net'")
     * @param encodingLabel the charset name for "undecodable byte ..." messages
     */
    RowMapper(FeedMapping mapping, String fileName, String[] labels, String encodingLabel) {
        this.mapping = mapping;
        this.fileName = fileName;
        this.labels = labels.clone();
        this.encodingLabel = encodingLabel;
        this.keyField = mapping.key() == KeyField.SKU ? FeedField.SKU : FeedField.EAN;
        this.mapped = mapping.fields().keySet().toArray(new FeedField[0]);
        this.hasStock = mapping.has(FeedField.STOCK);
        this.hasPrice = mapping.hasPrice();
        this.hasNetPrice = mapping.has(FeedField.NET_PRICE);
        this.prices = new PriceCalculator(mapping.price(), mapping.decimalComma());
    }

    FeedRow map(RawRecord record) {
        String key = clean(record.get(keyField));
        if (record.problem != null) {
            return error(record, key, record.problem);
        }
        for (FeedField field : mapped) {
            String value = record.get(field);
            if (value != null && value.indexOf(REPLACEMENT) >= 0) {
                return error(record, key, "undecodable byte in " + labels[field.ordinal()]
                        + " (encoding " + encodingLabel + ")");
            }
        }
        if (key == null) {
            return error(record, null, "missing " + mapping.key().label());
        }
        for (Limit limit : LIMITS) {
            String raw = record.get(limit.field()); // trimmed only when long: this runs for every row of the file
            String value = raw != null && raw.length() > limit.characters() ? clean(raw) : null;
            if (value != null && value.length() > limit.characters()) {
                return error(record, key, limit.label() + " longer than " + limit.characters() + " characters");
            }
        }
        try {
            Integer stock = hasStock ? stock(record.get(FeedField.STOCK)) : null;
            BigDecimal gross = hasPrice ? grossPrice(record) : null;
            String warehouse = stock == null ? null : warehouse(record);
            return new ProductRow(fileName, record.line, record.ordinal, key, clean(record.get(FeedField.SKU)),
                    clean(record.get(FeedField.EAN)), clean(record.get(FeedField.NAME)), stock, gross, warehouse);
        } catch (RowProblem problem) {
            return error(record, key, problem.getMessage());
        }
    }

    private RowError error(RawRecord record, String key, String reason) {
        return new RowError(fileName, record.line, record.ordinal, key, reason, false);
    }

    private int stock(String raw) throws RowProblem {
        String text = raw == null ? "" : raw.trim();
        int quick = FeedNumbers.smallWholeNumber(text);
        if (quick >= 0) {
            return quick;
        }
        Integer word = mapping.stock().textValue(text);
        if (word != null) {
            return word;
        }
        if (text.isEmpty()) {
            throw new RowProblem("missing stock");
        }
        // "10+" and ">10" mean "at least 10": the hub can promise 10.
        String number = text;
        if (number.endsWith("+")) {
            number = number.substring(0, number.length() - 1).trim();
        } else if (number.startsWith(">")) {
            number = number.substring(number.startsWith(">=") ? 2 : 1).trim();
        }
        BigDecimal value = FeedNumbers.decimal(number, mapping.decimalComma());
        if (value == null) {
            throw new RowProblem("stock '" + text + "' is not a number");
        }
        if (value.signum() < 0) {
            throw new RowProblem("negative stock " + text);
        }
        BigDecimal whole = value.stripTrailingZeros();
        if (whole.scale() > 0) {
            throw new RowProblem("stock '" + text + "' is not a whole number");
        }
        if (whole.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new RowProblem("stock '" + text + "' is too large");
        }
        return whole.intValue();
    }

    private BigDecimal grossPrice(RawRecord record) throws RowProblem {
        return hasNetPrice
                ? prices.fromNet(clean(record.get(FeedField.NET_PRICE)), clean(record.get(FeedField.VAT_RATE)))
                : prices.fromGross(clean(record.get(FeedField.GROSS_PRICE)));
    }

    private String warehouse(RawRecord record) throws RowProblem {
        String own = clean(record.get(FeedField.WAREHOUSE));
        if (own != null) {
            return own;
        }
        if (mapping.warehouse() == null) {
            throw new RowProblem("missing warehouse");
        }
        return mapping.warehouse();
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
