package io.agentd.daemon.rpc;

import static java.util.Objects.requireNonNull;

import java.util.List;
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

    /**
     * A batch: the connection runs each element only when the answers before it are written, and writes its
     * answer straight to the socket, so the batch's answer is never held in memory whole (a batch of a thousand
     * {@code listSessions} would need hundreds of MiB). The answer array is left out when no element has one.
     */
    record Batch(List<BatchCall> calls) implements DispatchOutcome {
        public Batch {
            calls = List.copyOf(calls);
        }
    }

    /**
     * One batch element, run when the connection gets to it. Returns a {@link Reply} (an error response), a
     * {@link Result} to write like a single one, or {@link NoReply} for a notification.
     */
    @FunctionalInterface
    interface BatchCall {
        DispatchOutcome run();
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
