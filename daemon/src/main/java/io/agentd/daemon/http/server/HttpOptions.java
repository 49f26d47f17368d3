package io.agentd.daemon.http.server;

import java.time.Duration;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * How the HTTP server listens and what it accepts.
 *
 * @param enabled false with {@code --no-http}
 * @param host the address to bind, a loopback one unless the user says otherwise
 * @param port the port; 0 picks a free one (announced as {@code HTTP_PORT=<n>} on stdout)
 * @param extraOrigins origins allowed besides the daemon's own and the desktop app's
 *                     ({@code --http-origins}, {@code AGENTD_HTTP_ORIGINS})
 * @param maxBodyBytes largest request body a route accepts unless it sets its own limit (413 above)
 * @param maxHeaderBytes largest request line plus headers (431 above)
 * @param idleTimeout an idle keep-alive connection, or a peer that stops reading or writing, is closed after this;
 *                    above the event stream's 30 s keepalive so a quiet stream is never cut
 * @param stopTimeout how long shutdown waits for requests in flight
 */
public record HttpOptions(boolean enabled, String host, int port, List<String> extraOrigins, long maxBodyBytes,
                          int maxHeaderBytes, Duration idleTimeout, Duration stopTimeout) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 7777;
    /** 4 MiB: a launch query or an editor state with pasted text fits; routes that forward more set their own. */
    public static final long DEFAULT_MAX_BODY = 4L << 20;
    public static final int DEFAULT_MAX_HEADER = 16 << 10;

    public HttpOptions {
        requireNonNull(host, "host is null");
        extraOrigins = List.copyOf(requireNonNull(extraOrigins, "extraOrigins is null"));
        requireNonNull(idleTimeout, "idleTimeout is null");
        requireNonNull(stopTimeout, "stopTimeout is null");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("HTTP port must be between 0 and 65535, got " + port);
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("HTTP host must not be empty");
        }
    }

    /** Listening on {@code host:port} with the default limits. */
    public static HttpOptions listening(String host, int port, List<String> extraOrigins) {
        return new HttpOptions(true, host, port, extraOrigins, DEFAULT_MAX_BODY, DEFAULT_MAX_HEADER,
                Duration.ofSeconds(90), Duration.ofSeconds(5));
    }

    /** No HTTP server ({@code --no-http}). */
    public static HttpOptions disabled() {
        return new HttpOptions(false, DEFAULT_HOST, DEFAULT_PORT, List.of(), DEFAULT_MAX_BODY, DEFAULT_MAX_HEADER,
                Duration.ofSeconds(90), Duration.ofSeconds(5));
    }
}
