package io.agentd.cli.protocol;

/** Result of {@code launchSession} and {@code continueSession} (the latter also names the parent). */
public record LaunchResult(String sessionId, String runId, String parentSessionId) {
}
