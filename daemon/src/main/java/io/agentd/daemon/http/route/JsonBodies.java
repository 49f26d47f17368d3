package io.agentd.daemon.http.route;

import io.agentd.daemon.error.AgentdException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Binds a JSON request body to a record. Whatever is wrong with it becomes a 400 HLD-3001 whose message
 * names the field and what was expected, never a Jackson message with class names or a stack trace.
 */
public final class JsonBodies {
    private final JsonMapper mapper;

    public JsonBodies(JsonMapper mapper) {
        this.mapper = requireNonNull(mapper, "mapper is null");
    }

    public <T> T bind(byte[] body, Class<T> type) {
        if (body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw AgentdException.invalidParams("request body is required (a JSON object)");
        }
        try {
            T value = mapper.readValue(body, type);
            if (value == null) {
                throw AgentdException.invalidParams("request body must be a JSON object, not null");
            }
            return value;
        } catch (ValueInstantiationException e) {
            // A record's compact constructor refused the values: its message is meant for the client.
            if (e.getCause() instanceof AgentdException domain) {
                throw domain;
            }
            throw AgentdException.invalidParams("invalid request body" + at(e) + ": "
                    + (e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : "rejected"));
        } catch (MismatchedInputException e) {
            String field = field(e);
            if (field.isEmpty()) {
                throw AgentdException.invalidParams("request body must be a JSON object");
            }
            throw AgentdException.invalidParams("invalid value for field '" + field + "'"
                    + (e.getTargetType() == null ? "" : ": expected " + describe(e.getTargetType())));
        } catch (StreamReadException e) {
            throw AgentdException.invalidParams("malformed JSON" + location(e.getLocation()));
        } catch (JacksonException e) {
            String field = field(e);
            throw AgentdException.invalidParams("invalid request body" + (field.isEmpty() ? "" : " at field '" + field + "'"));
        }
    }

    private static String at(JacksonException e) {
        String field = field(e);
        return field.isEmpty() ? "" : " at field '" + field + "'";
    }

    /** The JSON path of the failure as the client wrote it, e.g. {@code tool_input.path} or {@code items[2]}. */
    static String field(JacksonException e) {
        return e.getPath().stream()
                .map(r -> r.getPropertyName() != null ? "." + r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private static String location(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String describe(Class<?> type) {
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }
}
