package io.agentd.daemon.approval.rules;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * What the rules say about one tool call.
 *
 * @param decision the deciding rule's decision, or empty when no rule decides (the session's switches and
 *                 then a person do)
 * @param rule     the deciding rule, when there is one
 * @param reason   a sentence saying why, for explanations, logs and the approval's record
 */
public record RuleVerdict(Optional<RuleDecision> decision, Optional<PermissionRule> rule, String reason) {
    public RuleVerdict {
        requireNonNull(decision, "decision is null");
        requireNonNull(rule, "rule is null");
        requireNonNull(reason, "reason is null");
        if (decision.isPresent() != rule.isPresent()) {
            throw new IllegalArgumentException("a decision comes with the rule that made it");
        }
    }

    static RuleVerdict by(PermissionRule rule, String reason) {
        return new RuleVerdict(Optional.of(rule.decision()), Optional.of(rule), reason);
    }

    /** No rule decides; {@code reason} says why. */
    public static RuleVerdict none(String reason) {
        return new RuleVerdict(Optional.empty(), Optional.empty(), reason);
    }
}
