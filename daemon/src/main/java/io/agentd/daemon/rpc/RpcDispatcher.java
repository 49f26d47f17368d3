package io.agentd.daemon.rpc;

import static java.util.Objects.requireNonNull;

import io.agentd.daemon.rpc.DispatchOutcome.NoReply;
import io.agentd.daemon.rpc.DispatchOutcome.Reply;
import io.agentd.daemon.rpc.DispatchOutcome.ReplyAndClose;
import io.agentd.daemon.rpc.DispatchOutcome.Stream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one framed line into a response: validates the JSON-RPC envelope, binds params, calls the handler
 * and maps failures through {@link RpcErrors}. Single requests are always answered (also without an id,
 * with {@code "id":null}, as hld does); inside a batch, elements without an id are notifications.
 */
final class RpcDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(RpcDispatcher.class);
    private static final String NOT_AN_OBJECT = "Invalid request: expected a JSON object";

    private final MethodRegistry registry;
    private final JsonMapper mapper;
    private final ObjectReader treeReader;
    private final ParamsBinder binder;

    RpcDispatcher(MethodRegistry registry, JsonMapper mapper) {
        this.registry = requireNonNull(registry, "registry is null");
        this.mapper = requireNonNull(mapper, "mapper is null");
        // Big decimals keep a decimal id such as 1.50 exactly as sent; trailing tokens make "{} {}" a parse error.
        this.treeReader = mapper.readerFor(JsonNode.class)
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.binder = new ParamsBinder(mapper);
    }

    /** Dispatches one line (without its newline). */
    DispatchOutcome dispatch(byte[] buffer, int offset, int length, RequestContext context) {
        JsonNode message;
        try {
            message = treeReader.readTree(buffer, offset, length);
        } catch (JacksonException e) {
            LOG.debug("{}: parse error: {}", context.connectionId(), e.getOriginalMessage());
            return reply(RpcEnvelopes.error(null, RpcErrorCode.PARSE_ERROR, "Parse error"));
        }
        if (message == null || message.isMissingNode()) {
            return reply(RpcEnvelopes.error(null, RpcErrorCode.PARSE_ERROR, "Parse error"));
        }
        if (message instanceof ArrayNode batch) {
            return dispatchBatch(batch, context);
        }
        if (!(message instanceof ObjectNode request)) {
            return reply(RpcEnvelopes.error(null, RpcErrorCode.INVALID_REQUEST, NOT_AN_OBJECT));
        }
        return dispatchSingle(request, context);
    }

    private DispatchOutcome dispatchSingle(ObjectNode request, RequestContext context) {
        Envelope envelope = Envelope.parse(request);
        if (envelope.error() != null) {
            return reply(envelope.error());
        }
        Optional<RegisteredMethod> method = registry.find(envelope.method());
        if (method.isEmpty()) {
            return reply(methodNotFound(envelope));
        }
        return switch (method.get()) {
            case RegisteredMethod.Unary<?> unary -> answer(unary, envelope, context);
            case RegisteredMethod.Streaming<?> streaming -> startStream(streaming, envelope, context);
        };
    }

    /** The result is left to the connection to write, so a large one is never held as a tree or a byte array. */
    private DispatchOutcome answer(RegisteredMethod.Unary<?> method, Envelope envelope, RequestContext context) {
        String where = context.connectionId() + " " + method.name();
        try {
            return new DispatchOutcome.Result(envelope.id(), method.invoke(binder, envelope.params(), context), where);
        } catch (RuntimeException e) {
            return reply(RpcEnvelopes.error(envelope.id(), RpcErrors.toRpcError(e, where)));
        }
    }

    /**
     * A batch is checked for its shape here; its elements run later, one at a time, as the connection writes
     * their answers (see {@link DispatchOutcome.Batch}).
     */
    private DispatchOutcome dispatchBatch(ArrayNode batch, RequestContext context) {
        if (batch.isEmpty()) {
            return reply(RpcEnvelopes.error(null, RpcErrorCode.INVALID_REQUEST, "Invalid request: empty batch"));
        }
        List<DispatchOutcome.BatchCall> calls = new ArrayList<>(batch.size());
        for (JsonNode element : batch) {
            calls.add(() -> batchElement(element, context));
        }
        return new DispatchOutcome.Batch(calls);
    }

    private DispatchOutcome batchElement(JsonNode element, RequestContext context) {
        if (!(element instanceof ObjectNode request)) {
            return reply(RpcEnvelopes.error(null, RpcErrorCode.INVALID_REQUEST, NOT_AN_OBJECT));
        }
        Envelope envelope = Envelope.parse(request);
        if (envelope.error() != null) {
            return reply(envelope.error());
        }
        DispatchOutcome answer = batchAnswer(envelope, context);
        // A notification is never answered, not even with an error (JSON-RPC 2.0 §4.1).
        return envelope.hasId() ? answer : new NoReply();
    }

    private DispatchOutcome batchAnswer(Envelope envelope, RequestContext context) {
        Optional<RegisteredMethod> method = registry.find(envelope.method());
        if (method.isEmpty()) {
            return reply(methodNotFound(envelope));
        }
        return switch (method.get()) {
            case RegisteredMethod.Unary<?> unary -> answer(unary, envelope, context);
            case RegisteredMethod.Streaming<?> streaming -> reply(RpcEnvelopes.error(envelope.id(),
                    RpcErrorCode.INVALID_REQUEST,
                    "Invalid request: streaming method " + streaming.name() + " cannot be called in a batch"));
        };
    }

    /** hld answers a streaming method's bad params with id null and a "invalid request: " message, then closes. */
    private DispatchOutcome startStream(RegisteredMethod.Streaming<?> method, Envelope envelope,
                                        RequestContext context) {
        try {
            return new Stream(method.name(), method.bind(binder, envelope.params()));
        } catch (RuntimeException e) {
            RpcError error = RpcErrors.toRpcError(e, context.connectionId() + " " + method.name());
            String detail = error.message().startsWith(ParamsBinder.PREFIX)
                    ? error.message().substring(ParamsBinder.PREFIX.length()) : error.message();
            ObjectNode refusal = RpcEnvelopes.error(null, RpcErrorCode.INVALID_PARAMS, "invalid request: " + detail);
            return new ReplyAndClose(mapper.writeValueAsBytes(refusal));
        }
    }

    private static ObjectNode methodNotFound(Envelope envelope) {
        return RpcEnvelopes.error(envelope.id(), RpcErrorCode.METHOD_NOT_FOUND,
                "Method not found: " + envelope.method());
    }

    private Reply reply(JsonNode response) {
        return new Reply(mapper.writeValueAsBytes(response));
    }

    /**
     * The checked parts of a request object: either a ready error response, or id, method and params.
     */
    private record Envelope(JsonNode id, boolean hasId, String method, JsonNode params, ObjectNode error) {
        static Envelope parse(ObjectNode request) {
            JsonNode idNode = request.get("id");
            if (idNode != null && !idNode.isString() && !idNode.isNumber() && !idNode.isNull()) {
                return failed(NullNode.getInstance(), "Invalid request: id must be a string, number or null");
            }
            JsonNode id = idNode == null ? NullNode.getInstance() : idNode;
            JsonNode version = request.get("jsonrpc");
            if (version == null || !version.isString() || !"2.0".equals(version.stringValue())) {
                return failed(id, "Invalid request: must be JSON-RPC 2.0");
            }
            JsonNode method = request.get("method");
            if (method == null || !method.isString()) {
                return failed(id, "Invalid request: method must be a string");
            }
            return new Envelope(id, idNode != null, method.stringValue(), request.get("params"), null);
        }

        private static Envelope failed(JsonNode id, String message) {
            return new Envelope(id, true, null, null, RpcEnvelopes.error(id, RpcErrorCode.INVALID_REQUEST, message));
        }
    }
}
