package org.stockbridge.rules;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown only where going on is impossible (building a {@link SyncRuleEngine} from rules with errors). Callers
 * that talk to a seller should call {@link SyncRuleValidator} first and show {@link RuleCheck#errors()} instead.
 */
public class InvalidSyncRuleException extends IllegalArgumentException {

    private final List<RuleProblem> problems;

    public InvalidSyncRuleException(List<RuleProblem> problems) {
        super(problems.stream().map(RuleProblem::message).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
