package org.stockbridge.hub;

/** Which product field a connection's key is matched against. */
public enum ProductKey {
    SKU, EAN
}
