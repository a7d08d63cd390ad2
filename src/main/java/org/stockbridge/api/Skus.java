package org.stockbridge.api;

import org.stockbridge.hub.HubException;

/** The SKU rules the API enforces on paths: what a seller types, without spaces or control characters. */
final class Skus {

    private Skus() {
    }

    static String valid(String sku) {
        if (sku == null || sku.isBlank() || sku.length() > 100 || !sku.codePoints().allMatch(c -> c > ' ' && c != 0x7f)) {
            throw HubException.invalid("SKU '" + sku + "' must be 1 to 100 characters without spaces");
        }
        return sku;
    }
}
