/**
 * Sync rules: how hub stock becomes the quantity a shop is shown, and how a hub price becomes a shop price.
 *
 * <p>A pure library on purpose — no Spring, no Camel, no database — so the hub store, the admin API and the
 * hub-to-shop route can all call the same code and the rules are testable with plain values. Entry points:
 * <ul>
 *   <li>{@link org.stockbridge.rules.SyncRule} — one rule, immutable;</li>
 *   <li>{@link org.stockbridge.rules.SyncRuleValidator} — errors and warnings before a rule is saved;</li>
 *   <li>{@link org.stockbridge.rules.SyncRuleEngine} — quantities per (shop, SKU) for a rule set;</li>
 *   <li>{@link org.stockbridge.rules.ShopPricePolicy} — a shop's price from the hub price.</li>
 * </ul>
 * The seller-facing reference is {@code docs/sync-rules.md}.
 */
package org.stockbridge.rules;
