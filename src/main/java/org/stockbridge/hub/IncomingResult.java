package org.stockbridge.hub;

import java.util.List;

/**
 * What applying an {@link IncomingBatch} did.
 *
 * @param stock           stock values changed, unchanged and refused
 * @param prices          prices changed, unchanged and refused
 * @param unknown         products whose key the hub does not know (not created)
 * @param created         products created from the batch
 * @param matchedProducts hub product ids the batch matched or created (a full feed zeroes the others)
 */
public record IncomingResult(BatchResult stock, BatchResult prices, List<IncomingProduct> unknown, int created,
        long[] matchedProducts) {
}
