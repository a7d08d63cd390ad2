/**
 * Links in bulk between hub products and one shop's products, run on demand as Camel routes (route ids
 * {@code <connection>-catalog-read}, {@code <connection>-links-match}, {@code <connection>-products-to-shop}; the
 * route builder is {@code route.ShopLinkRoutes}): the shop's product list read page by page and matched to the hub
 * ({@link org.stockbridge.hub.ShopLinks}), the unlinked products on either side, and hub products created in a shop
 * that lacks them, then linked to the ids the shop gave them. {@link org.stockbridge.links.ShopLinkOperations} is
 * what the admin API calls.
 * <p>
 * Shop APIs followed: WooCommerce REST API v3, https://woocommerce.github.io/woocommerce-rest-api-docs/ (list
 * products, batch update products with {@code create}); BaseLinker, https://api.baselinker.com/
 * ({@code getInventoryProductsList}, {@code addInventoryProduct}).
 */
package org.stockbridge.links;
