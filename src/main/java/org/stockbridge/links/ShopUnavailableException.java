package org.stockbridge.links;

/**
 * A shop could not be read or written on demand (links match, unlinked shop products): unreachable, or it
 * refused the request after the retries. The message names the connection and the shop's reason, never a
 * credential; the admin API answers 502.
 */
public class ShopUnavailableException extends RuntimeException {

    public ShopUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
