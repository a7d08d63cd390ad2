package org.stockbridge.links;

import java.util.List;

/**
 * What products-to-shop did for one shop.
 *
 * @param alreadyLinked SKUs asked for that were linked to the shop already, so not created again
 * @param items         one per product sent, in the order the requests went out
 */
public record ProductsToShopReport(String connection, boolean dryRun, int created, int failed,
        List<String> alreadyLinked, List<Item> items) {

    /**
     * @param result     {@code ok} (created and linked), {@code failed} or {@code dry-run}
     * @param externalId the shop's id of the created product
     * @param reason     why it was not created
     */
    public record Item(String sku, String result, String externalId, String reason) {
    }
}
