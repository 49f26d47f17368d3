package io.agentd.cli.mcp;

/** A permission request that cannot be decided; the tool call fails with this message. */
public final class PermissionGateException extends RuntimeException {
    public PermissionGateException(String message) {
        super(message);
    }

    public PermissionGateException(String message, Throwable cause) {
        super(message, cause);
    }
}
