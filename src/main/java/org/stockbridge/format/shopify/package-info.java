/**
 * Shopify Admin GraphQL API ({@code POST /admin/api/{version}/graphql.json}, version a setting, 2026-10 by default,
 * 2026-04 at the oldest): stock through {@code inventorySetQuantities}, prices through
 * {@code productVariantsBulkUpdate}, the variant list for linking through {@code productVariants}; the Admin API
 * access token in {@code X-Shopify-Access-Token}.
 *
 * <p>Choices, and why:
 * <ul>
 *   <li><b>One external id per variant, three ids in it.</b> Stock is set per inventory item and location, prices per
 *       product and variant, and a format does no I/O while it builds requests. Rather than widening the hub's links
 *       (one external id each) for one format, a Shopify link keeps {@code product/variant/inventoryItem} numbers
 *       ({@link org.stockbridge.format.shopify.ShopifyIds}); the variant list writes them, so linking by SKU from it
 *       gives working links. A link in another form fails its items with a reason saying so, without holding up
 *       the others.</li>
 *   <li><b>Compare before set.</b> Since 2026-04 every quantity carries {@code changeFromQuantity}: the hub sends what
 *       it last sent successfully (what it believes the shop shows), {@code null} when it never sent the item or
 *       "sync now" forces it ({@link org.stockbridge.format.StockPush#lastSentQuantity()}). A refused compare fails the
 *       item for an operator instead of overwriting a change made in Shopify. A connection whose hub is the only
 *       source of stock turns the check off ({@code compareBeforeSet: false}).</li>
 *   <li><b>Idempotency key = request id</b> ({@code @idempotent(key:)}, mandatory since 2026-04): every request is
 *       built fresh from the hub's current values, never replayed, so each is a distinct operation.</li>
 *   <li><b>Throttling by cost.</b> The route throttles to {@code requestsPerSecond}; an answer that is
 *       {@code THROTTLED} anyway makes its items retryable after (requested cost − currently available) / restore
 *       rate, from the answer's {@code extensions.cost}.</li>
 *   <li><b>Cursor pages.</b> {@code productVariants} pages by cursor, so {@link org.stockbridge.format.ProductPage}
 *       carries the cursor and {@link org.stockbridge.format.ProductCatalog#nextPageRequest} continues from it.</li>
 * </ul>
 *
 * <p>References (shopify.dev):
 * <ul>
 *   <li>https://shopify.dev/docs/api/admin-graphql/latest/mutations/inventorySetQuantities and
 *       .../input-objects/InventorySetQuantitiesInput, .../input-objects/InventoryQuantityInput
 *       ({@code changeFromQuantity}), .../objects/InventorySetQuantitiesUserError</li>
 *   <li>https://shopify.dev/changelog/making-idempotency-mandatory-for-inventory-adjustments-and-refund-mutations,
 *       https://shopify.dev/docs/api/usage/idempotent-requests, https://shopify.dev/docs/api/usage/implementing-idempotency</li>
 *   <li>https://shopify.dev/docs/api/admin-graphql/latest/mutations/productVariantsBulkUpdate,
 *       .../objects/ProductVariantsBulkUpdateUserError,
 *       https://shopify.dev/changelog/partial-updates-for-bulk-product-variants-mutation ({@code allowPartialUpdates})</li>
 *   <li>https://shopify.dev/docs/apps/build/apis/graphql-admin/rate-limits and https://shopify.dev/docs/api/usage/limits
 *       (cost points per plan, {@code extensions.cost.throttleStatus}, 250 elements per list argument)</li>
 *   <li>https://shopify.dev/docs/api/admin-graphql/latest/queries/productVariants and
 *       https://shopify.dev/docs/api/usage/pagination-graphql (cursor pagination)</li>
 * </ul>
 */
package org.stockbridge.format.shopify;
