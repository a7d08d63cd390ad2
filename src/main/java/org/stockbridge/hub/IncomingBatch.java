package org.stockbridge.hub;

import java.util.List;

/**
 * A batch of products from one superior connection, applied in one transaction.
 *
 * @param connection    the superior connection
 * @param key           what {@link IncomingProduct#key()} is matched against
 * @param createUnknown create hub products for unknown keys (an import from the wholesaler) instead of reporting them
 * @param priceGroup    the price group prices land in (null when the connection sends no prices)
 */
public record IncomingBatch(String connection, ProductKey key, boolean createUnknown, String priceGroup,
        List<IncomingProduct> products) {
}
