package io.agentd.cli.mcp;

/** Decides a permission request, blocking until someone (or a rule) has. */
@FunctionalInterface
public interface PermissionGate {
    /**
     * @throws PermissionGateException when no decision can be had (no session, the daemon refused)
     */
    PermissionDecision decide(PermissionRequest request);
}
