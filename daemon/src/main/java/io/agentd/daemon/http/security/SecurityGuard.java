package io.agentd.daemon.http.security;

import io.agentd.daemon.http.route.HttpErrors;
import io.agentd.daemon.http.route.ReplyWriter;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Runs before any route: hld answers every origin and every local user, agentd answers neither.
 *
 * <ol>
 *   <li>Peer: a loopback client must run as the daemon's user ({@link PeerUids}); checked once per
 *       connection and remembered on it; another user's connection gets 403 and is closed.</li>
 *   <li>Host: must name this daemon ({@link OriginPolicy#hostAllowed}), or 403: DNS rebinding.</li>
 *   <li>Origin: a request that carries one (browsers add it to every cross-origin request and to every
 *       same-origin request that is not GET or HEAD) must carry an allowed one, or 403 before any route
 *       runs, whatever the method: nothing changes. Allowed origins get CORS headers; their preflights
 *       ({@code OPTIONS} with {@code Access-Control-Request-Method}) are answered here with 204.</li>
 *   <li>No Origin: a non-browser client (agentctl, curl, the SDK outside a browser), or a same-origin GET.
 *       A browser's cross-site request that carries no Origin (an {@code <img>} or {@code <script>} GET) is
 *       recognized by {@code Sec-Fetch-Site} and refused too.</li>
 * </ol>
 * Every answer carries {@code X-Request-ID} (the client's, when it sent a sane one).
 */
public final class SecurityGuard extends Handler.Wrapper {
    static final String ALLOW_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
    static final String ALLOW_HEADERS = "Origin, Content-Type, Accept, Authorization, X-Client, X-Client-Version, Last-Event-ID";
    static final String EXPOSE_HEADERS = "X-Request-ID";
    /** 12 hours, as hld: one preflight per call shape per half day. */
    static final String MAX_AGE = "43200";
    private static final String PEER_VERDICT = SecurityGuard.class.getName() + ".peer";
    private static final Set<String> FOREIGN_FETCH_SITES = Set.of("cross-site", "same-site");
    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Logger log = LoggerFactory.getLogger(SecurityGuard.class);

    private final String boundHost;
    private final List<String> extraOrigins;
    private final PeerUids peers;
    private final ReplyWriter writer;
    private volatile OriginPolicy policy;

    public SecurityGuard(Handler next, String boundHost, List<String> extraOrigins, PeerUids peers, ReplyWriter writer) {
        super(next);
        this.boundHost = requireNonNull(boundHost, "boundHost is null");
        this.extraOrigins = List.copyOf(extraOrigins);
        this.peers = requireNonNull(peers, "peers is null");
        this.writer = requireNonNull(writer, "writer is null");
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        response.getHeaders().put("X-Request-ID", requestId(request));
        ConnectionMetaData connection = request.getConnectionMetaData();
        InetSocketAddress peer = (InetSocketAddress) connection.getRemoteSocketAddress();
        InetSocketAddress local = (InetSocketAddress) connection.getLocalSocketAddress();
        if (!peerVerdict(connection, peer, local).allowed()) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            return refuse(response, callback, "refused: this connection comes from another user than the daemon's");
        }
        OriginPolicy origins = policy(local.getPort());
        String host = request.getHeaders().get(HttpHeader.HOST);
        if (!origins.hostAllowed(host)) {
            log.info("refused {} {} from {}: Host header {}", request.getMethod(), Request.getPathInContext(request), peer,
                    printable(host));
            return refuse(response, callback, "Host header '" + printable(host) + "' does not name this daemon; use"
                    + " http://127.0.0.1:" + local.getPort() + " or http://localhost:" + local.getPort());
        }
        response.getHeaders().put(HttpHeader.VARY, "Origin");
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin != null) {
            if (!origins.originAllowed(origin)) {
                log.info("refused {} {}: origin {} is not allowed", request.getMethod(), Request.getPathInContext(request),
                        printable(origin));
                return refuse(response, callback, "origin '" + printable(origin) + "' is not allowed; allow it with"
                        + " --http-origins or AGENTD_HTTP_ORIGINS");
            }
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            response.getHeaders().put(HttpHeader.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSE_HEADERS);
            if ("OPTIONS".equals(request.getMethod())
                    && request.getHeaders().get(HttpHeader.ACCESS_CONTROL_REQUEST_METHOD) != null) {
                response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, ALLOW_METHODS);
                response.getHeaders().put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, ALLOW_HEADERS);
                response.getHeaders().put(HttpHeader.ACCESS_CONTROL_MAX_AGE, MAX_AGE);
                response.setStatus(204);
                response.write(true, null, callback);
                return true;
            }
        } else if (FOREIGN_FETCH_SITES.contains(String.valueOf(request.getHeaders().get("Sec-Fetch-Site")))) {
            return refuse(response, callback, "cross-site browser requests without an Origin are not allowed");
        }
        return super.handle(request, response, callback);
    }

    private PeerUids.Verdict peerVerdict(ConnectionMetaData connection, InetSocketAddress peer, InetSocketAddress local) {
        // Once per connection: the owner of a TCP connection does not change while it is open.
        Object known = connection.getAttribute(PEER_VERDICT);
        if (known instanceof PeerUids.Verdict verdict) {
            return verdict;
        }
        PeerUids.Verdict verdict = peers.check(peer, local);
        connection.setAttribute(PEER_VERDICT, verdict);
        if (!verdict.allowed()) {
            log.warn("refused HTTP connection from {}: {}", peer, verdict == PeerUids.Verdict.OTHER_USER
                    ? "its socket belongs to another user" : "its owner could not be found in /proc/net/tcp");
        }
        return verdict;
    }

    private OriginPolicy policy(int port) {
        OriginPolicy p = policy;
        if (p == null) {
            p = OriginPolicy.forServer(boundHost, port, extraOrigins);
            policy = p;
        }
        return p;
    }

    private boolean refuse(Response response, Callback callback, String message) {
        return writer.write(response, callback, HttpErrors.error(403, HttpErrors.INVALID_REQUEST, message));
    }

    private static String requestId(Request request) {
        String sent = request.getHeaders().get("X-Request-ID");
        return sent != null && SANE_REQUEST_ID.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
    }

    /** Header values go into logs and messages: keep them short and printable. */
    private static String printable(String value) {
        if (value == null) {
            return "(none)";
        }
        String clean = value.replaceAll("[^\\x20-\\x7e]", "?");
        return clean.length() > 200 ? clean.substring(0, 200) + "..." : clean;
    }
}
