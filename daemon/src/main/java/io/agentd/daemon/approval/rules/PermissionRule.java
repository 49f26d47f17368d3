package io.agentd.daemon.approval.rules;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One permission rule: what it matches, what it decides, where it applies, and who made it.
 *
 * @param id        stable id, recorded in the decisions it makes
 * @param spec      the tool and input it matches
 * @param decision  allow, deny or ask
 * @param scope     the sessions it applies to
 * @param comment   why it exists; a deny rule's comment is what Claude is told
 * @param expiresAt when it stops applying, if ever
 * @param createdBy who made it ("human", "remember:&lt;approval id&gt;", "profile:&lt;name&gt;")
 * @param createdAt when it was made
 */
public record PermissionRule(String id, RuleSpec spec, RuleDecision decision, RuleScope scope,
                             Optional<String> comment, Optional<Instant> expiresAt, String createdBy,
                             Instant createdAt) {
    /**
     * The order among rules of one decision: narrower scope first, then the newest, then by id, so that
     * evaluation never depends on the order rules were loaded in.
     */
    public static final Comparator<PermissionRule> PRECEDENCE = Comparator
            .comparingInt((PermissionRule r) -> r.scope().breadth())
            .thenComparing(PermissionRule::createdAt, Comparator.reverseOrder())
            .thenComparing(PermissionRule::id);

    public PermissionRule {
        requireNonNull(id, "id is null");
        requireNonNull(spec, "spec is null");
        requireNonNull(decision, "decision is null");
        requireNonNull(scope, "scope is null");
        requireNonNull(comment, "comment is null");
        requireNonNull(expiresAt, "expiresAt is null");
        requireNonNull(createdBy, "createdBy is null");
        requireNonNull(createdAt, "createdAt is null");
    }

    /** True while the rule applies: it has no expiry, or its expiry is still ahead (an expiry of now has passed). */
    public boolean activeAt(Instant now) {
        return expiresAt.map(now::isBefore).orElse(true);
    }
}
