package io.agentd.store.rule;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * One stored permission rule, as text: the daemon parses and checks it (the store knows no rule syntax).
 *
 * @param rule       the rule in Claude Code's permission syntax, e.g. {@code Bash(git status:*)}
 * @param decision   {@code allow}, {@code deny} or {@code ask}
 * @param scope      {@code global}, {@code project} or {@code session}
 * @param workingDir the project folder for a project scope, else null
 * @param sessionId  the session for a session scope, else null
 * @param comment    why it exists, or null
 * @param expiresAt  when it stops applying, or null for never
 * @param createdBy  who made it
 */
public record RuleRow(String id, String rule, String decision, String scope, String workingDir, String sessionId,
                      String comment, Instant expiresAt, String createdBy, Instant createdAt) {
    public RuleRow {
        requireNonNull(id, "id is null");
        requireNonNull(rule, "rule is null");
        requireNonNull(decision, "decision is null");
        requireNonNull(scope, "scope is null");
        requireNonNull(createdBy, "createdBy is null");
        requireNonNull(createdAt, "createdAt is null");
    }
}
