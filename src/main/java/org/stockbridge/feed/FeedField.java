package org.stockbridge.feed;

/** The product fields a mapping can take from a feed; {@link #key()} is the name under {@code fields:}. */
public enum FeedField {
    SKU("sku", "SKU"),
    EAN("ean", "EAN"),
    NAME("name", "name"),
    STOCK("stock", "stock"),
    NET_PRICE("netPrice", "net price"),
    GROSS_PRICE("grossPrice", "gross price"),
    VAT_RATE("vatRate", "VAT rate"),
    WAREHOUSE("warehouse", "warehouse");

    private static final FeedField[] ALL = values();

    private final String key;
    private final String label;

    FeedField(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The YAML key under {@code fields:}. */
    public String key() {
        return key;
    }

    /** How error messages name the value: "negative stock -3", "net price 'x' is not a number". */
    public String label() {
        return label;
    }

    static FeedField byKey(String key) {
        for (FeedField field : ALL) {
            if (field.key.equals(key)) {
                return field;
            }
        }
        return null;
    }

    static int count() {
        return ALL.length;
    }
}
