package io.agentd.store.denial;

import static java.util.Objects.requireNonNull;

/**
 * One tool call Claude refused without asking (an entry of its result's {@code permission_denials}).
 *
 * @param toolUseId empty when Claude gave none
 * @param toolInputJson the tool's input as JSON text; {@code null} JSON when Claude gave none
 */
public record PermissionDenialRow(String toolName, String toolUseId, String toolInputJson) {
    public PermissionDenialRow {
        requireNonNull(toolName, "toolName is null");
        requireNonNull(toolUseId, "toolUseId is null");
        requireNonNull(toolInputJson, "toolInputJson is null");
    }
}
