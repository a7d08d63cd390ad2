package org.stockbridge.feed;

import java.nio.charset.Charset;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One feed's mapping file ({@code mappings/<name>.yaml}), validated and immutable. Built by {@link MappingLoader};
 * docs/mappings.md describes every key.
 *
 * @param source               where the mapping came from (its path), named in every error about it
 * @param format               csv, xml or json
 * @param encoding             the charset the feed is decoded with; null for XML means "as the file declares"
 * @param decimalComma         numbers written as {@code 12,50} (and {@code 1.234,50})
 * @param csv                  the CSV layout; null unless {@code format} is CSV
 * @param recordPath           XML element path or JSON Pointer to the records; null for CSV
 * @param fields               which column/element/pointer holds each field
 * @param key                  the field identifying the product
 * @param price                net→gross and the price formula
 * @param stock                stock text values
 * @param warehouse            the hub warehouse the stock lands in (rows may override with {@code fields.warehouse})
 * @param priceGroup           the hub price group the prices land in
 * @param unknownKeys          what the hub does with unknown products
 * @param feedType             full or delta
 * @param fullFeedGuardPercent a full feed with fewer rows than this share of the previous full feed is held
 * @param maxBadRowsPercent    a file with more than this share of bad rows is rejected
 */
public record FeedMapping(
        String source,
        FeedFormat format,
        Charset encoding,
        boolean decimalComma,
        CsvLayout csv,
        String recordPath,
        Map<FeedField, FieldRef> fields,
        KeyField key,
        PriceRule price,
        StockRule stock,
        String warehouse,
        String priceGroup,
        UnknownKeys unknownKeys,
        FeedType feedType,
        int fullFeedGuardPercent,
        int maxBadRowsPercent) {

    public FeedMapping {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(stock, "stock");
        Objects.requireNonNull(unknownKeys, "unknownKeys");
        Objects.requireNonNull(feedType, "feedType");
        EnumMap<FeedField, FieldRef> copy = new EnumMap<>(FeedField.class);
        copy.putAll(fields);
        fields = Collections.unmodifiableMap(copy);
    }

    public boolean has(FeedField field) {
        return fields.containsKey(field);
    }

    public FieldRef field(FeedField field) {
        return fields.get(field);
    }

    /** Whether rows carry a price (net or gross). */
    public boolean hasPrice() {
        return has(FeedField.NET_PRICE) || has(FeedField.GROSS_PRICE);
    }

    /**
     * Whether a file with these counts has too many bad rows to be applied ({@code maxBadRowsPercent}).
     * An empty file is never "too bad"; the full-feed guard deals with it.
     */
    public boolean tooManyBadRows(long goodRows, long badRows) {
        long total = goodRows + badRows;
        return total > 0 && badRows * 100 > (long) maxBadRowsPercent * total;
    }
}
