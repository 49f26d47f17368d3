package io.agentd.daemon.rpc;

import static java.util.Objects.requireNonNull;

/**
 * The {@code error} member of a response: {@code {"code":...,"message":...}}. hld never sends {@code data}.
 *
 * @param code the numeric JSON-RPC code
 * @param message the client-facing message
 */
public record RpcError(int code, String message) {
    /** Validates the message. */
    public RpcError {
        requireNonNull(message, "message is null");
    }

    /** An error with a standard code. */
    public static RpcError of(RpcErrorCode code, String message) {
        return new RpcError(code.code(), message);
    }
}
