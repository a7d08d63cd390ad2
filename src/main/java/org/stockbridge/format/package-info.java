/**
 * Shop formats: the pluggable layer that speaks one shop API. A format builds batched HTTP requests from hub
 * changes, reads the shop's answers into per-item results and, if it can, reads the shop's product list for
 * linking. It never sends anything: the hub-to-shop route owns transport, throttling and redelivery, so a format
 * stays a pure, testable function of its inputs.
 *
 * <p>Entry points:
 * <ul>
 *   <li>{@link org.stockbridge.format.ShopFormat} — what every format implements;</li>
 *   <li>{@link org.stockbridge.format.ProductCatalog} — what a format implements when it can list products;</li>
 *   <li>{@link org.stockbridge.format.ProductExport} — what a format implements when it can create products
 *       (products-to-shop);</li>
 *   <li>{@link org.stockbridge.format.FormatSetting} — a declared setting (type, default, secret, rule);</li>
 *   <li>{@link org.stockbridge.format.FormatRegistry} — every format by name, and settings validation.</li>
 * </ul>
 * One sub-package per format ({@code woocommerce}, {@code baselinker}); shared request and answer helpers live
 * here so formats do not copy each other. The operator-facing reference is {@code docs/formats.md}.
 */
package org.stockbridge.format;
