package io.agentd.cli.client;

import static java.util.Objects.requireNonNull;

/** The daemon answered a call with a JSON-RPC error object. */
public final class DaemonErrorException extends DaemonException {
    private final int code;
    private final String daemonMessage;

    public DaemonErrorException(int code, String daemonMessage) {
        super(requireNonNull(daemonMessage, "daemonMessage is null") + " (code " + code + ")", null);
        this.code = code;
        this.daemonMessage = daemonMessage;
    }

    /** The JSON-RPC error code, e.g. -32603 for a handler error. */
    public int code() {
        return code;
    }

    /** The error message exactly as the daemon sent it. */
    public String daemonMessage() {
        return daemonMessage;
    }
}
