package io.agentd.cli.protocol;

import static java.util.Objects.requireNonNull;

import tools.jackson.databind.JsonNode;

/**
 * Params of {@code createApproval} as hlyr's approvals server sends them: with a {@code tool_use_id},
 * {@code run_id} carries the <em>session</em> id. A blank tool_use_id is left out, as hlyr does.
 */
public record CreateApprovalParams(String runId, String toolName, JsonNode toolInput, String toolUseId) {
    public CreateApprovalParams {
        requireNonNull(runId, "runId is null");
        requireNonNull(toolName, "toolName is null");
        requireNonNull(toolInput, "toolInput is null");
        toolUseId = toolUseId == null || toolUseId.isBlank() ? null : toolUseId;
    }
}
