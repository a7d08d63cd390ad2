package org.stockbridge.links;

/**
 * The on-demand routes of one shop, by connection id: where the admin API sends its requests ({@code direct:}) and
 * the route ids Hawtio shows.
 */
public final class ShopLinkEndpoints {

    /** Exchange property: the match fields of a links-match run ({@code List<MatchField>}). */
    public static final String MATCH_BY = "StockbridgeMatchBy";

    private ShopLinkEndpoints() {
    }

    /** Reads the shop's whole product list, page by page; the body becomes {@code List<ShopProduct>}. */
    public static String catalogReadRoute(String connection) {
        return connection + "-catalog-read";
    }

    /** Reads the product list and links what matches; the body becomes a {@code LinkMatchReport}. */
    public static String linksMatchRoute(String connection) {
        return connection + "-links-match";
    }

    /** Creates hub products in the shop and links them; body {@link ExportOrder} in, {@link ProductsToShopReport} out. */
    public static String productsToShopRoute(String connection) {
        return connection + "-products-to-shop";
    }

    public static String direct(String routeId) {
        return "direct:" + routeId;
    }
}
