package org.stockbridge.hub;

import java.util.List;

/**
 * What a bulk link match did for one connection.
 *
 * @param matchedBy     the fields tried, in order ({@code sku}, {@code ean}, {@code name})
 * @param shopProducts  distinct products in the shop's list
 * @param linked        links made now
 * @param alreadyLinked shop products whose id was linked before, or that matched a hub product already linked to
 *                      another id in the shop; existing links are kept
 * @param ambiguous     shop products that were not linked because their value matches several hub products, or
 *                      because several shop products match the same hub product
 * @param unmatchedShop shop products that match no hub product
 * @param unmatchedHub  hub products with no link to the connection afterwards
 */
public record LinkMatchReport(String connection, List<String> matchedBy, int shopProducts, int linked,
        int alreadyLinked, List<Ambiguous> ambiguous, int unmatchedShop, int unmatchedHub) {

    /** A shop product left unlinked because the match was not unique, and why. */
    public record Ambiguous(String externalId, String shopSku, String reason) {
    }
}
