package io.agentd.daemon.session.api;

import io.agentd.daemon.json.JsonMappers;
import io.agentd.store.denial.PermissionDenialRow;
import tools.jackson.databind.JsonNode;

import static java.util.Objects.requireNonNull;

/**
 * One tool Claude refused on its own, as {@code getSessionState} returns it (agentd addition), with the field
 * names of Claude's own {@code permission_denials} entries.
 */
public record PermissionDenialView(String toolName, String toolUseId, JsonNode toolInput) {
    public PermissionDenialView {
        requireNonNull(toolName, "toolName is null");
        requireNonNull(toolUseId, "toolUseId is null");
        requireNonNull(toolInput, "toolInput is null");
    }

    /** Maps a stored denial; its input was stored as the JSON Claude sent. */
    public static PermissionDenialView from(PermissionDenialRow row) {
        return new PermissionDenialView(row.toolName(), row.toolUseId(), JsonMappers.daemon().readTree(row.toolInputJson()));
    }
}
