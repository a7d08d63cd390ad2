package org.stockbridge.format.baselinker;

import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.stockbridge.format.AnswerProblem;
import org.stockbridge.format.FormatJson;
import org.stockbridge.format.ShopAnswer;

/**
 * BaseLinker answers HTTP 200 even when a call failed; the body says {@code status: SUCCESS} or
 * {@code status: ERROR} with {@code error_code} and {@code error_message}. This reads that envelope for every
 * method, so the update and the product-list readers only look at their own fields.
 */
final class BaseLinkerAnswer {

    /**
     * Error codes that mean "not now" rather than "never": BaseLinker blocks a token for a while when it goes
     * over 100 requests a minute, so the same call succeeds later.
     */
    static final Set<String> RETRYABLE_CODES = Set.of("ERROR_BLOCKED_TOKEN");

    private BaseLinkerAnswer() {
    }

    /** The body of a successful call, or the problem with the call as a whole. */
    static Outcome read(ShopAnswer answer) {
        Optional<AnswerProblem> problem = AnswerProblem.ofStatus(answer);
        if (problem.isPresent()) {
            return new Outcome(null, problem.get());
        }
        JsonNode root = FormatJson.read(answer.body()).filter(JsonNode::isObject).orElse(null);
        String status = root == null ? null : FormatJson.text(root, "status");
        if ("SUCCESS".equals(status)) {
            return new Outcome(root, null);
        }
        if ("ERROR".equals(status)) {
            String code = FormatJson.text(root, "error_code");
            String message = FormatJson.text(root, "error_message");
            String reason = "BaseLinker " + (code == null ? "ERROR" : code) + (message == null ? "" : ": " + message);
            return new Outcome(null, RETRYABLE_CODES.contains(code)
                    ? new AnswerProblem(true, reason, Optional.empty())
                    : AnswerProblem.refused(reason));
        }
        return new Outcome(null, AnswerProblem.unreadable(answer, "no status SUCCESS or ERROR"));
    }

    /** Either the SUCCESS body or the problem; exactly one is non-null. */
    record Outcome(JsonNode body, AnswerProblem problem) {
    }
}
