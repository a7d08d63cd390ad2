package org.stockbridge.rules;

import java.util.List;

/**
 * The outcome of {@link SyncRuleValidator}: errors refuse the rule; warnings are saved with it and shown to the
 * seller (e.g. a safety stock that can never take effect).
 */
public record RuleCheck(List<RuleProblem> errors, List<RuleProblem> warnings) {

    public RuleCheck {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    /** For callers that cannot go on with invalid rules (the engine): errors become one exception. */
    public RuleCheck orThrow() {
        if (!isValid()) {
            throw new InvalidSyncRuleException(errors);
        }
        return this;
    }
}
