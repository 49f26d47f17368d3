package io.agentd.daemon.http.route;

import java.io.IOException;
import java.time.Duration;

/** The open response of a {@link HttpReply.Stream}. */
public interface HttpStream {
    /** Sends one frame: it is on the socket when this returns. Throws once the client has gone. */
    void send(byte[] frame) throws IOException;

    /**
     * How long this connection may go without a successful read or write before it is closed. A stream that
     * sends keepalives less often than the server's default idle timeout raises it here.
     */
    void idleTimeout(Duration timeout);
}
