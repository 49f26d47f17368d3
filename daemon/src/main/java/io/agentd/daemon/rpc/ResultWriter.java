package io.agentd.daemon.rpc;

import java.io.OutputStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/** Serializes a {@link DispatchOutcome.Result}'s response envelope (without the newline) into a stream. */
final class ResultWriter {
    private final ObjectWriter writer;

    ResultWriter(JsonMapper mapper) {
        // A result that fails half-way must leave the stream as it was: no closing brackets added, not closed.
        this.writer = mapper.writer()
                .without(StreamWriteFeature.AUTO_CLOSE_CONTENT)
                .without(StreamWriteFeature.AUTO_CLOSE_TARGET);
    }

    /**
     * @throws RuntimeException whatever the result's serialization threw; the stream then holds part of the
     *                          envelope, and the generator is abandoned
     */
    void write(DispatchOutcome.Result result, OutputStream out) {
        JsonGenerator generator = writer.createGenerator(out);
        RpcEnvelopes.writeResult(generator, result.id(), result.value());
        generator.close();
    }
}
