package io.agentd.cli.protocol;

import static java.util.Objects.requireNonNull;

/** Params of {@code sendDecision}: {@code decision} is {@code approve} or {@code deny}. */
public record DecisionParams(String approvalId, String decision, String comment) {
    public DecisionParams {
        requireNonNull(approvalId, "approvalId is null");
        requireNonNull(decision, "decision is null");
    }

    public static DecisionParams approve(String approvalId, String comment) {
        return new DecisionParams(approvalId, "approve", comment);
    }

    public static DecisionParams deny(String approvalId, String comment) {
        return new DecisionParams(approvalId, "deny", requireNonNull(comment, "comment is null"));
    }
}
