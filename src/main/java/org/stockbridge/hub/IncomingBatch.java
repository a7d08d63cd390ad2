package org.stockbridge.hub;

import java.util.List;

/**
 * A batch of products from one superior connection, applied in one transaction.
 *
 * @param connection    the superior connection
 * @param key           what {@link IncomingProduct#key()} is matched against
 * @param createUnknown create hub products for unknown keys (an import from the wholesaler) instead of reporting them
 * @param priceGroup    the price group prices land in (null when the connection sends no prices)
 * @param compared      the rows were compared with the hub's values already ({@link LinkedValues}) and only those
 *                      that may change something came: most will, so their products are locked at once and their
 *                      values read once, under the lock, instead of first without it
 */
public record IncomingBatch(String connection, ProductKey key, boolean createUnknown, String priceGroup,
        List<IncomingProduct> products, boolean compared) {

    /** A batch whose rows were not compared with the hub's values. */
    public IncomingBatch(String connection, ProductKey key, boolean createUnknown, String priceGroup,
            List<IncomingProduct> products) {
        this(connection, key, createUnknown, priceGroup, products, false);
    }
}
