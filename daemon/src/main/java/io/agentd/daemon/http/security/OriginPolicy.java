package io.agentd.daemon.http.security;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Which {@code Host} and {@code Origin} headers the daemon answers, once the port is known.
 *
 * <p>Host: a loopback name or address ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}) or the bound
 * host, with the bound port. A page on {@code evil.example} whose DNS name is re-pointed at 127.0.0.1
 * (DNS rebinding) sends {@code Host: evil.example:7777} and is refused.
 *
 * <p>Origin: the daemon's own ({@code http://127.0.0.1:<port>}, {@code http://localhost:<port>},
 * {@code http://[::1]:<port>}), the desktop app's ({@code tauri://localhost}, {@code http://tauri.localhost})
 * and the configured ones. Compared as scheme, host and port, case-insensitively.
 */
public final class OriginPolicy {
    /** Where the desktop app (a Tauri webview) loads its pages from: macOS/Linux and Windows. */
    public static final List<String> DESKTOP_APP_ORIGINS = List.of("tauri://localhost", "http://tauri.localhost");
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");

    private final int port;
    private final Set<String> hostNames;
    private final Set<String> origins;

    private OriginPolicy(int port, Set<String> hostNames, Set<String> origins) {
        this.port = port;
        this.hostNames = Set.copyOf(hostNames);
        this.origins = Set.copyOf(origins);
    }

    /**
     * @param boundHost the address the server listens on
     * @param port the bound port (never 0)
     * @param extraOrigins configured origins, already {@linkplain #normalizeConfigured validated}
     */
    public static OriginPolicy forServer(String boundHost, int port, List<String> extraOrigins) {
        requireNonNull(boundHost, "boundHost is null");
        Set<String> names = new LinkedHashSet<>(LOOPBACK_NAMES);
        String bound = hostLiteral(boundHost);
        if (!isWildcard(bound)) {
            names.add(bound);
        }
        Set<String> origins = new LinkedHashSet<>();
        for (String name : LOOPBACK_NAMES) {
            origins.add("http://" + name + ":" + port);
        }
        if (!isWildcard(bound)) {
            origins.add("http://" + bound + ":" + port);
        }
        origins.addAll(DESKTOP_APP_ORIGINS);
        for (String origin : extraOrigins) {
            origins.add(normalizeConfigured(origin));
        }
        return new OriginPolicy(port, names, origins);
    }

    /** Whether a {@code Host} header (null when absent) names this daemon. */
    public boolean hostAllowed(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        String name;
        int hostPort;
        int colon = h.lastIndexOf(':');
        if (colon > h.lastIndexOf(']')) {
            name = h.substring(0, colon);
            try {
                hostPort = Integer.parseInt(h.substring(colon + 1));
            } catch (NumberFormatException e) {
                return false;
            }
        } else {
            name = h;
            hostPort = 80; // a Host without a port means the scheme's default
        }
        return hostPort == port && hostNames.contains(name);
    }

    /** Whether an {@code Origin} header is allowed; {@code null} (the literal "null" origin) never is. */
    public boolean originAllowed(String origin) {
        if (origin == null) {
            return false;
        }
        String normalized = normalize(origin);
        return normalized != null && origins.contains(normalized);
    }

    /** The allowed origins, for the log and the docs. */
    public Set<String> origins() {
        return origins;
    }

    /**
     * Checks a configured origin and returns it in compared form.
     *
     * @throws IllegalArgumentException for {@code *}, a path, or anything that is not {@code scheme://host[:port]}
     */
    public static String normalizeConfigured(String origin) {
        String o = origin.strip();
        if (o.equals("*")) {
            throw new IllegalArgumentException("'*' is not an allowed origin: it would let any web page drive the daemon;"
                    + " list each origin, e.g. http://localhost:5173");
        }
        String normalized = normalize(o);
        if (normalized == null) {
            throw new IllegalArgumentException("invalid origin '" + origin + "' (expected scheme://host[:port], e.g."
                    + " http://localhost:5173)");
        }
        return normalized;
    }

    /** {@code scheme://host[:port]} lower-cased with the scheme's default port left out; null when malformed. */
    static String normalize(String origin) {
        try {
            URI uri = new URI(origin.strip());
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                    || uri.getRawFragment() != null || (uri.getRawPath() != null && !uri.getRawPath().isEmpty()
                    && !uri.getRawPath().equals("/"))) {
                return null;
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            host = host.toLowerCase(Locale.ROOT);
            int p = uri.getPort();
            boolean defaultPort = p == -1 || (scheme.equals("http") && p == 80) || (scheme.equals("https") && p == 443);
            return scheme + "://" + host + (defaultPort ? "" : ":" + p);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** Whether binding {@code host} keeps the server on this machine. */
    public static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host.strip()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String hostLiteral(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        return h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h;
    }

    private static boolean isWildcard(String host) {
        return host.equals("0.0.0.0") || host.equals("[::]") || host.equals("[0:0:0:0:0:0:0:0]");
    }
}
