package org.stockbridge.format.shopify;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shopify's global ids ({@code gid://shopify/ProductVariant/123}) and the one external id a hub link keeps for a
 * Shopify variant.
 * <p>
 * A variant needs three ids: its product (prices are updated per product), itself (the price) and its inventory
 * item (stock is set per inventory item and location). A link holds one external id, and a format never does I/O
 * to look the others up mid-push, so the link keeps all three, numbers only, as {@code product/variant/inventoryItem}
 * (e.g. {@code 7513594/40001/41001}): the product list ({@link ShopifyProductList}) writes exactly this, so linking by
 * SKU from it gives working links, and an operator linking by hand reads the three numbers off the variant.
 */
final class ShopifyIds {

    private static final Pattern NUMBER_OR_GID = Pattern.compile("(?:gid://shopify/[A-Za-z]+/)?([0-9]+)");
    private static final Pattern VARIANT = Pattern.compile("([0-9]+)/([0-9]+)/([0-9]+)");

    private ShopifyIds() {
    }

    /** {@code gid://shopify/<type>/<n>} from a number or a GID of any type. */
    static String gid(String type, String numberOrGid) {
        return "gid://shopify/" + type + "/" + number(numberOrGid);
    }

    /** The number at the end of a GID, or the number given. */
    static String number(String numberOrGid) {
        Matcher matcher = NUMBER_OR_GID.matcher(numberOrGid == null ? "" : numberOrGid.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + numberOrGid + "' is not a Shopify id");
        }
        return matcher.group(1);
    }

    /** A variant's three ids, as a link keeps them. */
    record VariantRef(String productId, String variantId, String inventoryItemId) {

        static final String FORM = "product/variant/inventoryItem numbers, e.g. 7513594/40001/41001, as the Shopify "
                + "product list gives them";

        static Optional<VariantRef> parse(String externalId) {
            Matcher matcher = VARIANT.matcher(externalId == null ? "" : externalId.trim());
            return matcher.matches()
                    ? Optional.of(new VariantRef(matcher.group(1), matcher.group(2), matcher.group(3)))
                    : Optional.empty();
        }

        /** From the GIDs (or numbers) Shopify answers with. */
        static VariantRef of(String product, String variant, String inventoryItem) {
            return new VariantRef(number(product), number(variant), number(inventoryItem));
        }

        String externalId() {
            return productId + "/" + variantId + "/" + inventoryItemId;
        }

        String productGid() {
            return gid("Product", productId);
        }

        String variantGid() {
            return gid("ProductVariant", variantId);
        }

        String inventoryItemGid() {
            return gid("InventoryItem", inventoryItemId);
        }
    }
}
