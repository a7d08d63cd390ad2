package org.stockbridge.hub;

/**
 * A change the hub refused: the SKU, the reason an operator reads (e.g. "unknown SKU 'X-1'"), where the change
 * came from, and whether something named in it does not exist or the value itself was refused.
 */
public record ChangeProblem(String sku, String reason, String context, HubException.Kind kind) {

    public HubException toException() {
        return new HubException(kind, reason);
    }
}
