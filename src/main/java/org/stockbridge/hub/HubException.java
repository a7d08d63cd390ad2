package org.stockbridge.hub;

/** A request the hub refuses; the message is meant for the operator and names what was wrong. */
public class HubException extends RuntimeException {

    public enum Kind { NOT_FOUND, INVALID }

    private final Kind kind;

    public HubException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static HubException unknownSku(String sku) {
        return new HubException(Kind.NOT_FOUND, "unknown SKU '" + sku + "'");
    }

    public static HubException invalid(String message) {
        return new HubException(Kind.INVALID, message);
    }
}
