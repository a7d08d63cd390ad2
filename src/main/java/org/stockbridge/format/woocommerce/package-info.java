/**
 * WooCommerce REST API v3 ({@code /wp-json/wc/v3}): stock and regular prices through the products and
 * variations batch endpoints (at most 100 objects per request, WooCommerce's {@code woocommerce_rest_batch_items_limit}
 * default), HTTP Basic authentication with a consumer key and secret over HTTPS, the product list for linking, and
 * new products through the same batch endpoint's {@code create} list (products-to-shop), answered per item in
 * request order with the new id or an error object.
 * Reference: https://woocommerce.github.io/woocommerce-rest-api-docs/ (products, "Batch update products",
 * product variations, pagination, errors).
 */
package org.stockbridge.format.woocommerce;
