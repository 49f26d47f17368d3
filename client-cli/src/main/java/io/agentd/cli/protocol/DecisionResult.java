package io.agentd.cli.protocol;

/** Result of {@code sendDecision}: a refused decision (already decided, unknown id) comes back here, not as an RPC error. */
public record DecisionResult(boolean success, String error) {
}
