package io.agentd.cli.protocol;

/** Params of {@code fetchApprovals}: one session's pending approvals, or no session at all. */
public record SessionFilter(String sessionId) {
}
