package io.agentd.daemon.approval.rules;

import io.agentd.daemon.error.AgentdException;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A rule to create, as asked for; {@link #parse} checks it and says clearly what is wrong.
 *
 * @param rule       Claude Code's syntax, e.g. {@code Bash(git status:*)}
 * @param decision   {@code allow}, {@code deny} or {@code ask}
 * @param scope      {@code global}, {@code project} or {@code session}
 * @param workingDir the project folder (absolute) for a project scope
 * @param sessionId  the session for a session scope
 * @param comment    optional; a deny rule's comment is what Claude is told
 * @param expiresAt  optional; must be in the future
 * @param createdBy  who asks: {@code human}, {@code remember:<approval id>}
 */
public record NewRule(String rule, String decision, String scope, String workingDir, String sessionId, String comment,
                      Instant expiresAt, String createdBy) {
    public NewRule {
        requireNonNull(createdBy, "createdBy is null");
    }

    /** A rule a person asked for through the API. */
    public static NewRule byHuman(String rule, String decision, String scope, String workingDir, String sessionId,
                                  String comment, Instant expiresAt) {
        return new NewRule(rule, decision, scope, workingDir, sessionId, comment, expiresAt, "human");
    }

    /** The checked rule, with its id and creation time. */
    PermissionRule parse(String id, Instant now) {
        RuleSpec spec = RuleSpec.parse(rule);
        if (decision == null) {
            throw AgentdException.invalidParams("decision is required (allow, deny or ask)");
        }
        RuleDecision d = RuleDecision.fromWire(decision);
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw AgentdException.invalidParams("expires_at must be in the future");
        }
        String c = comment == null || comment.isBlank() ? null : comment.strip();
        return new PermissionRule(id, spec, d, parsedScope(), Optional.ofNullable(c), Optional.ofNullable(expiresAt),
                createdBy, now);
    }

    private RuleScope parsedScope() {
        String s = scope == null ? "global" : scope;
        return switch (s) {
            case "global" -> {
                if (workingDir != null || sessionId != null) {
                    throw AgentdException.invalidParams("a global rule takes neither working_dir nor session_id");
                }
                yield RuleScope.global();
            }
            case "project" -> {
                if (workingDir == null || workingDir.isBlank()) {
                    throw AgentdException.invalidParams("a project rule needs working_dir");
                }
                Path dir;
                try {
                    dir = Path.of(workingDir);
                } catch (InvalidPathException e) {
                    throw AgentdException.invalidParams("working_dir is not a path: " + workingDir);
                }
                if (!dir.isAbsolute()) {
                    throw AgentdException.invalidParams("working_dir must be absolute: " + workingDir);
                }
                yield new RuleScope.Project(dir);
            }
            case "session" -> {
                if (sessionId == null || sessionId.isBlank()) {
                    throw AgentdException.invalidParams("a session rule needs session_id");
                }
                yield new RuleScope.Session(sessionId);
            }
            default -> throw AgentdException.invalidParams("scope must be one of global, project, session (got '"
                    + s + "')");
        };
    }
}
