package io.agentd.cli.client;

/**
 * The connection was established but the exchange failed: the daemon closed it, timed out, or the
 * socket broke.
 */
public final class DaemonConnectionException extends DaemonException {
    public DaemonConnectionException(String message, Throwable cause) {
        super(message, cause);
    }

    public DaemonConnectionException(String message) {
        super(message, null);
    }
}
