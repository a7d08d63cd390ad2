package org.stockbridge.hub;

/**
 * What became of one hub product sent to a shop to be created (products-to-shop).
 *
 * @param externalId the shop's id of the created product; null when it was not created
 * @param failure    why it was not created, in the shop's words where it gave any; null when created
 */
public record ExportOutcome(String sku, String externalId, String failure) {

    public static ExportOutcome created(String sku, String externalId) {
        return new ExportOutcome(sku, externalId, null);
    }

    public static ExportOutcome failed(String sku, String failure) {
        return new ExportOutcome(sku, null, failure);
    }

    public boolean isCreated() {
        return externalId != null;
    }
}
