package org.stockbridge.feed;

/** Which field identifies a product in the hub; the mapping key {@code key}. */
public enum KeyField {
    SKU("SKU"), EAN("EAN");

    private final String label;

    KeyField(String label) {
        this.label = label;
    }

    /** As operators read it in error messages: "missing SKU". */
    public String label() {
        return label;
    }
}
