package org.stockbridge.hub;

import java.util.List;

/** What one batch of changes did: values changed, values already equal, changes refused. */
public record BatchResult(int changed, int unchanged, List<ChangeProblem> problems) {

    public static final BatchResult EMPTY = new BatchResult(0, 0, List.of());

    public BatchResult plus(BatchResult other) {
        var all = new java.util.ArrayList<>(problems);
        all.addAll(other.problems);
        return new BatchResult(changed + other.changed, unchanged + other.unchanged, List.copyOf(all));
    }
}
