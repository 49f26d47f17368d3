package io.agentd.daemon.rpc;

/** The JSON-RPC 2.0 error codes the daemon sends. */
public enum RpcErrorCode {
    /** The line is not valid JSON. */
    PARSE_ERROR(-32700),
    /** The JSON is not a valid request object. */
    INVALID_REQUEST(-32600),
    /** No method is registered under the requested name. */
    METHOD_NOT_FOUND(-32601),
    /** The params do not bind to the method's params type, or fail its validation. */
    INVALID_PARAMS(-32602),
    /** The handler failed. */
    INTERNAL_ERROR(-32603),
    /** A server error (JSON-RPC's -32000 to -32099): the connection limit is reached. */
    TOO_MANY_CONNECTIONS(-32000);

    private final int code;

    RpcErrorCode(int code) {
        this.code = code;
    }

    /** The numeric code written on the wire. */
    public int code() {
        return code;
    }
}
