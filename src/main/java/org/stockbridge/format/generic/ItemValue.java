package org.stockbridge.format.generic;

import java.util.Locale;

import org.stockbridge.format.PricePush;
import org.stockbridge.format.ShopPush;
import org.stockbridge.format.StockPush;

/** A value of one pushed item that a mapping can place in a request or file: the keys of {@code fields}/{@code columns}. */
enum ItemValue {
    SKU("sku"),
    EXTERNAL_ID("externalId"),
    QUANTITY("quantity"),
    PRICE("price");

    private final String key;

    ItemValue(String key) {
        this.key = key;
    }

    /** The mapping's word for it. */
    String key() {
        return key;
    }

    boolean identifies() {
        return this == SKU || this == EXTERNAL_ID;
    }

    /** Whether a push carries this value: identity always, quantity only stock, price only prices. */
    boolean carriedBy(ShopPush push) {
        return identifies() || (this == QUANTITY) == (push instanceof StockPush);
    }

    /** The value of a push, typed: text for identity, an integer quantity, a decimal price. */
    Object of(ShopPush push) {
        return switch (this) {
            case SKU -> push.sku();
            case EXTERNAL_ID -> push.externalId();
            case QUANTITY -> ((StockPush) push).quantity();
            case PRICE -> ((PricePush) push).price();
        };
    }

    static ItemValue byKey(String key) {
        for (ItemValue value : values()) {
            if (value.key.equals(key)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown item value " + key.toLowerCase(Locale.ROOT));
    }

    static String keys() {
        return "sku, externalId, quantity, price";
    }
}
