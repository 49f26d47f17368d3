package io.agentd.daemon.approval;

import io.agentd.daemon.error.AgentdException;
import tools.jackson.databind.JsonNode;

/** The params of the approval methods, validated as hld does; a missing or invalid field is -32602. */
public final class ApprovalParams {
    private ApprovalParams() {
    }

    /**
     * {@code createApproval}.
     *
     * @param runId the session id when {@code toolUseId} is given (hld's rule), otherwise the run id
     * @param toolInput any JSON value, {@code null} included; only a missing field is refused
     */
    public record Create(String runId, String toolName, JsonNode toolInput, String toolUseId) {
        public Create {
            runId = required(runId, "run_id");
            toolName = required(toolName, "tool_name");
            if (toolInput == null) {
                throw AgentdException.invalidParams("tool_input is required");
            }
            toolUseId = toolUseId == null || toolUseId.isEmpty() ? null : toolUseId;
        }
    }

    /** {@code fetchApprovals}; without a session the answer is an empty list. */
    public record Fetch(String sessionId) {
    }

    /** {@code getApproval}. */
    public record Get(String approvalId) {
        public Get {
            approvalId = required(approvalId, "approval_id");
        }
    }

    /**
     * {@code sendDecision}: {@code decision} is approve or deny; a denial needs a comment. {@code remember}
     * (agentd) also creates a rule from the approval.
     */
    public record Decide(String approvalId, String decision, String comment, Remember remember) {
        public Decide {
            approvalId = required(approvalId, "approval_id");
            decision = required(decision, "decision");
            if (!decision.equals("approve") && !decision.equals("deny")) {
                throw AgentdException.invalidParams("invalid decision: " + decision + " (must be 'approve' or 'deny')");
            }
            if (decision.equals("deny") && (comment == null || comment.isBlank())) {
                throw AgentdException.invalidParams("comment is required for denial");
            }
            comment = comment == null || comment.isEmpty() ? null : comment;
        }

        public boolean approve() {
            return decision.equals("approve");
        }
    }

    /**
     * {@code remember} of {@code sendDecision} (agentd): {@code scope} session (the default), project or global;
     * {@code rule} in Claude Code's syntax, derived from the approval when absent.
     */
    public record Remember(String scope, String rule) {
        public Remember {
            if (scope != null && !scope.equals("session") && !scope.equals("project") && !scope.equals("global")) {
                throw AgentdException.invalidParams("remember.scope must be one of session, project, global (got '"
                        + scope + "')");
            }
        }
    }

    private static String required(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw AgentdException.invalidParams(field + " is required");
        }
        return value;
    }
}
