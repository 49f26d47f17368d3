package io.agentd.daemon.rpc;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a batch's answer while its elements run: each element runs only when the answers before it are
 * written, and its result goes straight into the response line, so only one element's result is in memory at
 * a time however many the batch holds (see {@link DispatchOutcome.Batch}).
 */
final class BatchWriter {
    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);

    private final JsonMapper mapper;
    private final ResultWriter results;

    BatchWriter(JsonMapper mapper, ResultWriter results) {
        this.mapper = requireNonNull(mapper, "mapper is null");
        this.results = requireNonNull(results, "results is null");
    }

    /**
     * Runs the batch's elements and writes the answer array as one line; nothing at all when no element has an
     * answer. An element whose result fails while it is written is replaced by its error response while none
     * of it has been sent; after that the only clean ending is to close the connection, as for a single result.
     *
     * @return false when the connection must close
     * @throws IOException when the socket fails
     */
    boolean write(DispatchOutcome.Batch batch, ResponseOutput output) throws IOException {
        try {
            boolean any = false;
            for (DispatchOutcome.BatchCall call : batch.calls()) {
                DispatchOutcome answer = call.run();
                if (answer instanceof DispatchOutcome.NoReply) {
                    continue;
                }
                output.write(any ? ',' : '[');
                any = true;
                switch (answer) {
                    case DispatchOutcome.Reply reply -> output.write(reply.json());
                    case DispatchOutcome.Result result -> {
                        if (!writeResult(result, output)) {
                            return false;
                        }
                    }
                    default -> throw new IllegalStateException("unexpected batch answer " + answer);
                }
            }
            if (any) {
                output.write(']');
                output.finishLine();
            }
            return true;
        } catch (RuntimeException e) {
            if (output.failure() != null) {
                // The socket failed (the generator wraps the IOException): the peer is gone.
                throw output.failure();
            }
            throw e;
        }
    }

    private boolean writeResult(DispatchOutcome.Result result, ResponseOutput output) throws IOException {
        long mark = output.position();
        try {
            results.write(result, output);
            return true;
        } catch (RuntimeException e) {
            if (output.failure() != null) {
                throw output.failure();
            }
            if (output.rewind(mark)) {
                output.write(mapper.writeValueAsBytes(
                        RpcEnvelopes.error(result.id(), RpcErrors.toRpcError(e, result.where()))));
                return true;
            }
            LOG.error("{}: writing a batch element failed after part of it was sent; closing the connection",
                    result.where(), e);
            return false;
        }
    }
}
