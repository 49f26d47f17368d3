package io.agentd.daemon.rpc;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.jsontype.TypeSerializer;

/**
 * A result that writes itself while it is produced, for answers too large to hold twice in memory (a long
 * conversation is read page by page while the pages before it are already on their way to the client).
 * On the wire it is an ordinary result: one JSON value in the usual one-line response envelope.
 *
 * <p>Every result is written to the socket as it is serialized; the connection holds back the first
 * 64 KiB, so an answer that fails before filling them is replaced by the
 * usual error response. A failure after that closes the connection instead: the client then sees the
 * connection end before the newline, never a half line followed by another response. Inside a batch the
 * result is built into the batch's answer like any other value.
 */
public interface StreamedResult extends JacksonSerializable {
    /**
     * Writes the result as exactly one JSON value. Called at most once.
     *
     * @param generator the generator of the response line; it may block while the client reads slowly
     */
    void writeTo(JsonGenerator generator);

    @Override
    default void serialize(JsonGenerator generator, SerializationContext context) {
        writeTo(generator);
    }

    @Override
    default void serializeWithType(JsonGenerator generator, SerializationContext context, TypeSerializer type) {
        writeTo(generator);
    }
}
