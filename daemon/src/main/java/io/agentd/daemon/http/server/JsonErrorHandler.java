package io.agentd.daemon.http.server;

import io.agentd.daemon.http.route.ErrorBody;
import io.agentd.daemon.http.route.HttpErrors;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import tools.jackson.databind.json.JsonMapper;

import java.nio.ByteBuffer;

import static java.util.Objects.requireNonNull;

/**
 * The errors Jetty answers itself (a request it cannot parse, no {@code Host}, headers over the limit, a
 * failure outside the router) in hld's JSON envelope instead of Jetty's HTML page, and never with a stack.
 */
final class JsonErrorHandler extends ErrorHandler {
    private final JsonMapper mapper;

    JsonErrorHandler(JsonMapper mapper) {
        this.mapper = requireNonNull(mapper, "mapper is null");
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        byte[] body = body(code, message);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8"));
        return ByteBuffer.wrap(body(status, reason));
    }

    private byte[] body(int code, String message) {
        String code4 = switch (code) {
            case 404 -> HttpErrors.NOT_FOUND;
            case 500, 503 -> HttpErrors.INTERNAL;
            default -> code >= 500 ? HttpErrors.INTERNAL : HttpErrors.INVALID_REQUEST;
        };
        String text = switch (code) {
            case 431 -> "request headers too large";
            case 413 -> "request body too large";
            default -> message == null || message.isBlank() || code >= 500 ? HttpStatus.getMessage(code) : message;
        };
        return mapper.writeValueAsBytes(ErrorBody.of(code4, text));
    }
}
