package io.agentd.daemon.session.api;

import io.agentd.daemon.error.AgentdException;

/** {@code updateSessionSettings} params; absent fields are left unchanged. */
public record UpdateSessionSettingsParams(String sessionId, Boolean autoAcceptEdits, Boolean dangerouslySkipPermissions,
                                          Long dangerouslySkipPermissionsTimeoutMs) {
    public UpdateSessionSettingsParams {
        if (sessionId == null || sessionId.isBlank()) {
            throw AgentdException.invalidParams("session_id is required");
        }
    }
}
