package io.agentd.daemon.session.api;

import static java.util.Objects.requireNonNull;

import io.agentd.daemon.session.SessionContinuation;
import io.agentd.daemon.session.SessionSupervisor;

/**
 * The JSON-RPC shapes of the methods that start or change running sessions ({@code launchSession},
 * {@code continueSession}, {@code interruptSession}, {@code updateSessionSettings}) and their mapping to
 * {@link SessionService}. No rule lives here.
 */
public final class SessionCommands {
    private final SessionService service;

    /** Result of launchSession. */
    public record LaunchResult(String sessionId, String runId) {
    }

    /** Result of continueSession; {@code claude_session_id} is always empty, as in hld (the fork gets a new one). */
    public record ContinueResult(String sessionId, String runId, String claudeSessionId, String parentSessionId) {
    }

    /** Result of interruptSession. */
    public record InterruptResult(boolean success, String sessionId, String status) {
    }

    /** A plain acknowledgement. */
    public record Success(boolean success) {
    }

    public SessionCommands(SessionService service) {
        this.service = requireNonNull(service, "service is null");
    }

    /** Starts a session. */
    public LaunchResult launch(LaunchSessionParams p) {
        SessionSupervisor.Launched launched = service.launch(new LaunchRequest(p.query(), p.title(), p.model(),
                p.workingDir(), p.maxTurns(), p.systemPrompt(), p.appendSystemPrompt(), p.customInstructions(),
                p.permissionPromptTool(), p.allowedTools(), p.disallowedTools(), p.additionalDirectories(),
                McpConfigParser.fromNode(p.mcpConfig()), Boolean.TRUE.equals(p.autoAcceptEdits()),
                Boolean.TRUE.equals(p.dangerouslySkipPermissions()), p.dangerouslySkipPermissionsTimeout()));
        return new LaunchResult(launched.sessionId(), launched.runId());
    }

    /** Continues a session as a new one. */
    public ContinueResult continueSession(ContinueSessionParams p) {
        SessionSupervisor.Launched launched = service.continueSession(p.sessionId(), new SessionContinuation.Overrides(
                p.query(), p.systemPrompt(), p.appendSystemPrompt(), McpConfigParser.fromString(p.mcpConfig()),
                p.permissionPromptTool(), p.allowedTools(), p.disallowedTools(), p.additionalDirectories(),
                p.customInstructions(), p.maxTurns()));
        return new ContinueResult(launched.sessionId(), launched.runId(), "", p.sessionId());
    }

    /** Interrupts a running session. */
    public InterruptResult interrupt(SessionIdParams p) {
        service.interrupt(p.sessionId());
        return new InterruptResult(true, p.sessionId(), "interrupting");
    }

    /** Changes a session's permission settings. */
    public Success updateSettings(UpdateSessionSettingsParams p) {
        service.updateSettings(new SettingsUpdate(p.sessionId(), p.autoAcceptEdits(), p.dangerouslySkipPermissions(),
                p.dangerouslySkipPermissionsTimeoutMs()));
        return new Success(true);
    }
}
