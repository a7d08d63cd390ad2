/**
 * Magento 2 / Adobe Commerce REST API ({@code /rest/V1}), admin side, authenticated with an integration's access
 * token as {@code Authorization: Bearer}. Everything here is keyed by SKU, so a link's external id is the product's
 * Magento SKU (the product list gives exactly that).
 * <ul>
 *   <li>Stock through Inventory Management (MSI): {@code POST /V1/inventory/source-items} with
 *       {@code {"sourceItems":[{sku, source_code, quantity, status}]}}. Success answers nothing worth reading; a
 *       refused batch answers 400 and saves none of its items. The documented shape is
 *       {@code {message, errors:[{message, parameters}]}}; MSI's save handler (magento/inventory,
 *       {@code Inventory/Model/SourceItem/Command/Handler/SourceItemsSaveHandler.php}) folds the first validation error
 *       into {@code message} instead ({@code Validation Failed: Product with requested "sku": "X" was was not found.},
 *       from {@code Inventory/Model/Validators/NotExistentSku.php}); both are read.</li>
 *   <li>Prices through the bulk ("efficient") price API: {@code POST /V1/products/base-prices} with
 *       {@code {"prices":[{sku, price, store_id}]}}. It saves the valid items and answers 200 with a list of
 *       {@code PriceUpdateResultInterface} ({@code message}, {@code parameters}) for the ones it refused, an empty
 *       list when none were (messages as {@code BasePriceStorage} in magento/magento2 words them:
 *       {@code Invalid attribute %fieldName = %fieldValue.} with {@code SKU} and the SKU for an unknown product).</li>
 *   <li>The product list for linking: {@code GET /V1/products?searchCriteria[pageSize]=…&searchCriteria[currentPage]=…}
 *       ({@code items}, {@code total_count}), and {@code GET /V1/products/{sku}} for one SKU.</li>
 * </ul>
 * References: https://developer.adobe.com/commerce/webapi/rest/inventory/manage-source-items/ (source items),
 * https://developer.adobe.com/commerce/webapi/rest/modules/catalog-pricing/ (base prices and their failed-items
 * answer), https://adobe-commerce.redoc.ly/2.4.7-admin/tag/inventorysource-items (request and 400 error shape),
 * https://developer.adobe.com/commerce/webapi/rest/use-rest/performing-searches/ (searchCriteria paging),
 * https://developer.adobe.com/commerce/webapi/get-started/authentication/gs-authentication-token/ (integration
 * access tokens as bearer tokens).
 */
package org.stockbridge.format.magento;
