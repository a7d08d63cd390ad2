/**
 * BaseLinker (Base) inventory API and APIs compatible with it: one POST endpoint taking form fields
 * {@code method} and {@code parameters} (JSON), the token in the {@code X-BLToken} header, 100 requests per minute
 * per token. Stock through {@code updateInventoryProductsStock}, prices through
 * {@code updateInventoryProductsPrices} (at most 1000 products per call each), the product list through
 * {@code getInventoryProductsList}, new products through {@code addInventoryProduct} (one per call, empty
 * {@code product_id}, answered with the new {@code product_id}). Reference: https://api.baselinker.com/ (method
 * pages of the same names, e.g. https://api.baselinker.com/index.php?method=addInventoryProduct).
 */
package org.stockbridge.format.baselinker;
