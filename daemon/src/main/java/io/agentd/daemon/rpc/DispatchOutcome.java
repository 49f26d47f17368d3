package io.agentd.daemon.rpc;

import static java.util.Objects.requireNonNull;

import tools.jackson.databind.JsonNode;

/** What a connection does after the dispatcher has looked at one line. */
sealed interface DispatchOutcome {
    /** Write this JSON line and read the next request. */
    record Reply(byte[] json) implements DispatchOutcome {
        public Reply {
            requireNonNull(json, "json is null");
        }
    }

    /**
     * A method's result for a single request: the connection writes its envelope straight to the socket
     * (see {@link StreamedResult} for what happens when writing fails).
     *
     * @param id the request id to echo
     * @param value the result; null is sent as {@code "result":null}
     * @param where connection id and method, for the log when writing fails
     */
    record Result(JsonNode id, Object value, String where) implements DispatchOutcome {
        public Result {
            requireNonNull(id, "id is null");
            requireNonNull(where, "where is null");
        }
    }

    /** Nothing to write (a batch of notifications only). */
    record NoReply() implements DispatchOutcome {
    }

    /** Write this JSON line, then close the connection (a streaming method's params were refused). */
    record ReplyAndClose(byte[] json) implements DispatchOutcome {
        public ReplyAndClose {
            requireNonNull(json, "json is null");
        }
    }

    /** Hand the connection to a streaming handler. */
    record Stream(String method, RegisteredMethod.StreamingCall call) implements DispatchOutcome {
        public Stream {
            requireNonNull(method, "method is null");
            requireNonNull(call, "call is null");
        }
    }
}
