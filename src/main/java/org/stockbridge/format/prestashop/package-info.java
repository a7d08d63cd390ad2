/**
 * PrestaShop webservice ({@code /api}), XML, authenticated with a webservice key sent as the HTTP Basic user name
 * with an empty password. PrestaShop has no bulk update: every stock value and every price is one request, so the
 * format declares no batch size, only a modest rate.
 * <ul>
 *   <li>Stock lives in {@code stock_availables}, one row per product (or combination) and shop, with its own id.
 *       A link's external id therefore carries both ids, {@code <id_product>:<id_stock_available>} ({@code 42:118});
 *       the product list writes links that way. Updated with {@code PATCH /api/stock_availables/{id}} and a body
 *       holding {@code id} and {@code quantity} only: PUT replaces the resource and would need every required field
 *       ({@code id_product}, {@code id_product_attribute}, {@code depends_on_stock}, {@code out_of_stock}), which would
 *       overwrite the shop's own out-of-stock behaviour. PATCH is documented from PrestaShop 8.</li>
 *   <li>Prices: {@code PATCH /api/products/{id_product}} with {@code price}, which PrestaShop stores tax excluded —
 *       the connection's price group must hold net prices.</li>
 *   <li>Errors come as {@code <prestashop><errors><error><code/><message/></error></errors></prestashop>}.</li>
 *   <li>The product list: {@code GET /api/products?display=full&limit=offset,count} (reference = SKU, ean13, name,
 *       and the {@code stock_availables} association that gives the stock row's id), and
 *       {@code filter[reference]=[SKU]} for one SKU.</li>
 * </ul>
 * How PATCH behaves (only the fields in the body are written, {@code id} is required in the body — error 90 —, an
 * unknown id answers 404 error 92, stock_availables forbids only POST and DELETE) is read from PrestaShop's
 * {@code classes/webservice/WebserviceRequest.php} ({@code saveEntityFromXml}, {@code getResources}).
 * References: https://devdocs.prestashop-project.org/8/webservice/getting-started/ (methods incl. PATCH, /api,
 * key as Basic user), https://devdocs.prestashop-project.org/8/webservice/resources/stock_availables/ (fields and
 * required ones), https://devdocs.prestashop-project.org/8/webservice/resources/products/ (price, reference, ean13),
 * https://devdocs.prestashop-project.org/8/faq/stock/ (StockAvailable is the only source of stock),
 * https://devdocs.prestashop-project.org/8/webservice/tutorials/advanced-use/additional-list-parameters/ (display,
 * filter, sort, limit).
 */
package org.stockbridge.format.prestashop;
