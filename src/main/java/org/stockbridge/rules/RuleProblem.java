package org.stockbridge.rules;

/**
 * One thing wrong with a rule or a rule set.
 *
 * @param field   the {@link SyncRule} component it concerns ({@code syncRatePercent}, {@code skuSelector.pattern}, ...),
 *                or {@code rules} for the rule set as a whole — the admin API can map it to its request field
 * @param message a sentence for the seller that names the rule, the field and the limit,
 *                e.g. {@code rule 7 'Acme 50%': syncRatePercent must be between 1 and 100, was 150}
 */
public record RuleProblem(String field, String message) {

    @Override
    public String toString() {
        return message;
    }
}
