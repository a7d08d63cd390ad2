package org.stockbridge.rules;

/**
 * The quantity a shop is to be shown for one SKU, and why.
 *
 * @param quantity    never negative
 * @param ruleId      the rule that decided it, or {@code null} when the shop's default (sum of its default
 *                    warehouses) applied — also when an unsaved rule without id decided it
 * @param explanation short text for the sync record's "why", e.g.
 *                    {@code rule 7 'Acme 50%': sum(main,acme)=1000, rate 50% → 500}
 */
public record ShopQuantity(int quantity, Long ruleId, String explanation) {
}
