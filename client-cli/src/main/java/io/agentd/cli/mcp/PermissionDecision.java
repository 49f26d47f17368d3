package io.agentd.cli.mcp;

import static java.util.Objects.requireNonNull;

import io.agentd.cli.protocol.ProtocolJson;
import io.agentd.protocol.approval.Approval;
import io.agentd.protocol.approval.ApprovalStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The answer to a permission request, in the JSON shape Claude Code reads from the tool's text content. */
public sealed interface PermissionDecision {
    /** hlyr's message when a reviewer denies without a comment. */
    String DEFAULT_DENIAL = "Request denied by human reviewer";
    /** The message when the session ended before anyone decided. */
    String EXPIRED_DENIAL = "The session ended before the request was decided";

    /** Run the tool with {@code updatedInput} (the original input: agentd never rewrites it). */
    record Allow(JsonNode updatedInput) implements PermissionDecision {
        public Allow {
            requireNonNull(updatedInput, "updatedInput is null");
        }
    }

    /** Do not run the tool; Claude sees {@code message} as the tool's error. */
    record Deny(String message) implements PermissionDecision {
        public Deny {
            requireNonNull(message, "message is null");
        }
    }

    /** {@code {"behavior":"allow","updatedInput":...}} or {@code {"behavior":"deny","message":...}}. */
    default String toJson() {
        ObjectNode node = ProtocolJson.MAPPER.createObjectNode();
        switch (this) {
            case Allow(JsonNode updatedInput) -> node.put("behavior", "allow").set("updatedInput", updatedInput);
            case Deny(String message) -> node.put("behavior", "deny").put("message", message);
        }
        return ProtocolJson.MAPPER.writeValueAsString(node);
    }

    /** The decision a resolved approval stands for; {@code input} is what Claude sent. */
    static PermissionDecision of(Approval approval, JsonNode input) {
        return switch (approval.approvalStatus().orElse(ApprovalStatus.PENDING)) {
            case APPROVED -> new Allow(input);
            case EXPIRED -> new Deny(EXPIRED_DENIAL);
            case PENDING, DENIED -> new Deny(approval.comment() == null || approval.comment().isBlank()
                    ? DEFAULT_DENIAL : approval.comment());
        };
    }
}
