/**
 * WooCommerce REST API v3 ({@code /wp-json/wc/v3}): stock and regular prices through the products and
 * variations batch endpoints (at most 100 objects per request, WooCommerce's {@code woocommerce_rest_batch_items_limit}
 * default), HTTP Basic authentication with a consumer key and secret over HTTPS, and the product list for linking.
 * Reference: https://woocommerce.github.io/woocommerce-rest-api-docs/ (products, product variations,
 * pagination, errors).
 */
package org.stockbridge.format.woocommerce;
