package io.agentd.daemon.rpc;

import static java.util.Objects.requireNonNull;

/** An error that reaches the client with exactly this code and message. */
public final class RpcException extends RuntimeException {
    private final RpcErrorCode code;

    /**
     * Creates the error.
     *
     * @param code the wire code
     * @param message the wire message
     */
    public RpcException(RpcErrorCode code, String message) {
        super(requireNonNull(message, "message is null"));
        this.code = requireNonNull(code, "code is null");
    }

    /** The wire code. */
    public RpcErrorCode code() {
        return code;
    }
}
