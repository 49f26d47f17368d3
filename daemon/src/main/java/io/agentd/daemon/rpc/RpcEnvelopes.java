package io.agentd.daemon.rpc;

import io.agentd.daemon.json.JsonMappers;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds JSON-RPC response envelopes as trees, so {@code "id"} (and a null {@code "result"}) are always
 * written even though the daemon mapper leaves null record properties out.
 */
public final class RpcEnvelopes {
    private static final JsonMapper MAPPER = JsonMappers.daemon();

    private RpcEnvelopes() {
    }

    /**
     * {@code {"jsonrpc":"2.0","result":<result>,"id":<id>}}.
     *
     * @param id the request id to echo; a Java null is written as JSON null
     * @param result any value the daemon mapper can serialize; a Java null is written as {@code "result":null}
     */
    public static ObjectNode result(JsonNode id, Object result) {
        ObjectNode envelope = MAPPER.createObjectNode();
        envelope.put("jsonrpc", "2.0");
        JsonNode tree = MAPPER.valueToTree(result);
        envelope.set("result", tree == null ? NullNode.getInstance() : tree);
        envelope.set("id", id == null ? NullNode.getInstance() : id);
        return envelope;
    }

    /**
     * Writes the same bytes as {@link #result(JsonNode, Object)} serialized, without building the tree: the
     * result goes straight from its objects (or a {@link StreamedResult}) into the generator.
     */
    static void writeResult(JsonGenerator generator, JsonNode id, Object result) {
        generator.writeStartObject();
        generator.writeStringProperty("jsonrpc", "2.0");
        generator.writeName("result");
        generator.writePOJO(result);
        generator.writeName("id");
        generator.writeTree(id == null ? NullNode.getInstance() : id);
        generator.writeEndObject();
    }

    /** A result with {@code "id":null}, as hld sends on a subscription stream. */
    public static ObjectNode result(Object result) {
        return result(null, result);
    }

    /**
     * {@code {"jsonrpc":"2.0","error":{"code":..,"message":..},"id":<id>}}.
     *
     * @param id the request id to echo; a Java null is written as JSON null
     * @param error the error
     */
    public static ObjectNode error(JsonNode id, RpcError error) {
        ObjectNode envelope = MAPPER.createObjectNode();
        envelope.put("jsonrpc", "2.0");
        ObjectNode body = envelope.putObject("error");
        body.put("code", error.code());
        body.put("message", error.message());
        envelope.set("id", id == null ? NullNode.getInstance() : id);
        return envelope;
    }

    /** An error envelope with a standard code. */
    public static ObjectNode error(JsonNode id, RpcErrorCode code, String message) {
        return error(id, RpcError.of(code, message));
    }
}
