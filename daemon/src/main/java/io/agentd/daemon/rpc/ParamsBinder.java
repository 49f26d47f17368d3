package io.agentd.daemon.rpc;

import static java.util.Objects.requireNonNull;

import io.agentd.daemon.error.AgentdException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Binds a request's {@code params} to a method's params type, turning every binding failure into a
 * client-facing -32602 that names the offending field.
 *
 * <p>Scalars bind only to their own JSON type, as in hld (Go's {@code encoding/json}): a number is not a
 * string ({@code "query": 7}), a string not a number ({@code "max_turns": "10"}) or a boolean
 * ({@code "archived": "true"}), a boolean or number not the other, and a fraction not an integer
 * ({@code 1.5}, {@code 10.0}). Jackson would quietly convert all of these, and a client that sends them
 * has a bug hld would have reported. An integer still binds to a floating-point field, as in Go.
 */
final class ParamsBinder {
    static final String PREFIX = "invalid params: ";

    private final JsonMapper mapper;

    ParamsBinder(JsonMapper mapper) {
        this.mapper = strict(requireNonNull(mapper, "mapper is null"));
    }

    /** {@code mapper} with every scalar coercion refused. */
    static JsonMapper strict(JsonMapper mapper) {
        return mapper.rebuild()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(LogicalType.Textual, refuse(CoercionInputShape.Integer, CoercionInputShape.Float,
                        CoercionInputShape.Boolean))
                .withCoercionConfig(LogicalType.Integer, refuse(CoercionInputShape.String, CoercionInputShape.EmptyString,
                        CoercionInputShape.Float, CoercionInputShape.Boolean))
                .withCoercionConfig(LogicalType.Float, refuse(CoercionInputShape.String, CoercionInputShape.EmptyString,
                        CoercionInputShape.Boolean))
                .withCoercionConfig(LogicalType.Boolean, refuse(CoercionInputShape.String, CoercionInputShape.EmptyString,
                        CoercionInputShape.Integer, CoercionInputShape.Float))
                .build();
    }

    private static Consumer<MutableCoercionConfig> refuse(CoercionInputShape... shapes) {
        return config -> {
            for (CoercionInputShape shape : shapes) {
                config.setCoercion(shape, CoercionAction.Fail);
            }
        };
    }

    /**
     * Absent and null params bind as {@code {}}, so a required-field check in the params record reports
     * "&lt;field&gt; is required" instead of a generic error.
     */
    <P> P bind(JsonNode params, Class<P> type) {
        JsonNode source = params == null || params.isNull() ? mapper.createObjectNode() : params;
        if (!source.isObject()) {
            throw new RpcException(RpcErrorCode.INVALID_PARAMS, "params must be an object");
        }
        try {
            return mapper.treeToValue(source, type);
        } catch (ValueInstantiationException e) {
            throw fromConstructor(e);
        } catch (MismatchedInputException e) {
            throw new RpcException(RpcErrorCode.INVALID_PARAMS, PREFIX + describe(e));
        } catch (DatabindException e) {
            RuntimeException domain = domainCause(e);
            throw domain != null ? domain
                    : new RpcException(RpcErrorCode.INVALID_PARAMS, PREFIX + e.getOriginalMessage());
        } catch (JacksonException e) {
            // An integer out of its field's range (max_turns 2^31) is a read failure, not a databind one:
            // still the client's mistake, named by its field, never an internal error with a stack trace.
            String path = pathOf(e);
            throw new RpcException(RpcErrorCode.INVALID_PARAMS, PREFIX + (path.isEmpty() ? "" : path + ": ")
                    + (e instanceof InputCoercionException ? "number out of range" : e.getOriginalMessage()));
        }
    }

    /** A params constructor refused the input: its own error is what the client should read. */
    private static RuntimeException fromConstructor(ValueInstantiationException e) {
        RuntimeException domain = domainCause(e);
        if (domain != null) {
            return domain;
        }
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage() != null ? cause.getMessage() : e.getOriginalMessage();
        return new RpcException(RpcErrorCode.INVALID_PARAMS, PREFIX + message);
    }

    private static RuntimeException domainCause(Throwable failure) {
        for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
            if (t instanceof AgentdException || t instanceof RpcException) {
                return (RuntimeException) t;
            }
            if (t instanceof IllegalArgumentException || t instanceof NullPointerException) {
                return new RpcException(RpcErrorCode.INVALID_PARAMS, PREFIX + t.getMessage());
            }
        }
        return null;
    }

    private static String describe(MismatchedInputException e) {
        String path = pathOf(e);
        String expected = "expected " + expectedType(e.getTargetType());
        return path.isEmpty() ? expected : path + ": " + expected;
    }

    /** {@code tools[1]}, {@code mcp_config.servers}: the JSON path, in wire names. */
    static String pathOf(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expectedType(Class<?> target) {
        if (target == null) {
            return "a different value";
        }
        if (target == int.class || target == long.class || target == short.class || target == byte.class
                || target == Integer.class || target == Long.class || target == Short.class
                || target == Byte.class || target == BigInteger.class) {
            return "integer";
        }
        if (target == double.class || target == float.class || target == Double.class || target == Float.class
                || target == BigDecimal.class || Number.class.isAssignableFrom(target)) {
            return "number";
        }
        if (target == boolean.class || target == Boolean.class) {
            return "boolean";
        }
        if (CharSequence.class.isAssignableFrom(target) || target == char.class || target == Character.class) {
            return "string";
        }
        if (target.isEnum()) {
            return "one of the allowed values";
        }
        if (target.isArray() || Collection.class.isAssignableFrom(target)) {
            return "array";
        }
        if (JsonNode.class.isAssignableFrom(target)) {
            return "a JSON value";
        }
        return Map.class.isAssignableFrom(target) || !target.isPrimitive() ? "object" : target.getSimpleName();
    }
}
