package io.agentd.daemon.http.server;

import java.io.IOException;

/** The HTTP address cannot be bound, most often because another program (or daemon) has the port. */
public final class HttpPortUnavailableException extends IOException {
    public HttpPortUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
