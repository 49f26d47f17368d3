package io.agentd.cli.client;

import static java.util.Objects.requireNonNull;

import io.agentd.cli.protocol.ProtocolJson;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * One connection to agentd speaking newline-delimited JSON-RPC 2.0 over a Unix domain socket.
 *
 * <p>Calls are sequential, as the daemon handles them per connection. Each call writes one request
 * line with the next numeric id and reads lines until the response carrying that id; other lines
 * (stale responses, notifications, garbage) are skipped, as hld's own clients do.
 */
public final class DaemonClient implements AutoCloseable {
    /** The per-call timeout hld's clients use. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(DaemonClient.class);

    private final Path socket;
    private final Duration timeout;
    private final SocketChannel channel;
    private final Selector selector;
    private final LineFramer framer = new LineFramer();
    private final Deque<byte[]> pendingLines = new ArrayDeque<>();
    private final ByteBuffer readBuffer = ByteBuffer.allocate(64 * 1024);
    private long nextId = 1;

    private DaemonClient(Path socket, Duration timeout, SocketChannel channel, Selector selector) {
        this.socket = socket;
        this.timeout = timeout;
        this.channel = channel;
        this.selector = selector;
    }

    /** Connects with the default 30 s per-call timeout. */
    public static DaemonClient connect(Path socket) {
        return connect(socket, DEFAULT_TIMEOUT);
    }

    /**
     * Connects to the daemon socket.
     *
     * @throws DaemonUnavailableException when nothing accepts connections at {@code socket}
     * @throws DaemonConnectionException when the process serving the socket runs as another user
     */
    public static DaemonClient connect(Path socket, Duration timeout) {
        requireNonNull(socket, "socket is null");
        requireNonNull(timeout, "timeout is null");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        SocketChannel channel;
        try {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        } catch (IOException | RuntimeException e) {
            // A missing file, a stale socket and a path that is not a socket all mean the same to the user.
            throw new DaemonUnavailableException(socket, e);
        }
        try {
            PeerCheck.requireOwnUser(channel, socket);
        } catch (DaemonConnectionException e) {
            closeQuietly(channel);
            throw e;
        }
        try {
            // Non-blocking with a selector because blocking channel reads ignore socket timeouts.
            channel.configureBlocking(false);
            Selector selector = Selector.open();
            return new DaemonClient(socket, timeout, channel, selector);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new DaemonConnectionException("cannot use the connection to " + socket + ": " + e.getMessage(), e);
        }
    }

    /** The socket this client is connected to. */
    public Path socket() {
        return socket;
    }

    /**
     * Calls {@code method} and returns its {@code result} ({@link NullNode} when the daemon sent none).
     *
     * @param params any value Jackson can write as a JSON object, or {@code null} to send no params
     * @throws DaemonErrorException when the daemon answers with an error object
     * @throws DaemonConnectionException when the connection breaks or the call times out
     */
    public JsonNode call(String method, Object params) {
        requireNonNull(method, "method is null");
        long id = nextId++;
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("jsonrpc", "2.0");
        request.put("method", method);
        if (params != null) {
            request.put("params", params);
        }
        request.put("id", id);
        byte[] line = ProtocolJson.MAPPER.writeValueAsBytes(request);
        long deadline = System.nanoTime() + timeout.toNanos();
        log.debug("-> {} id={}", method, id);
        write(method, line, deadline);
        while (true) {
            JsonNode response = parse(readLine(method, deadline));
            if (response == null || !matches(response.get("id"), id)) {
                continue;
            }
            JsonNode error = response.get("error");
            if (error != null && !error.isNull()) {
                throw new DaemonErrorException(error.path("code").asInt(0), error.path("message").asString(""));
            }
            JsonNode result = response.get("result");
            return result == null ? NullNode.getInstance() : result;
        }
    }

    /**
     * Turns this connection into a subscription ({@code Subscribe}); from then on it carries only the
     * stream. Returns the confirmation's {@code result}.
     *
     * @throws DaemonErrorException when the daemon refuses the subscription
     */
    public JsonNode subscribe(Object params) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("jsonrpc", "2.0");
        request.put("method", "Subscribe");
        request.put("params", params);
        request.put("id", nextId++);
        long deadline = System.nanoTime() + timeout.toNanos();
        write("Subscribe", ProtocolJson.MAPPER.writeValueAsBytes(request), deadline);
        while (true) {
            JsonNode line = parse(readLine("Subscribe", deadline));
            if (line == null) {
                continue;
            }
            JsonNode error = line.get("error");
            if (error != null && !error.isNull()) {
                throw new DaemonErrorException(error.path("code").asInt(0), error.path("message").asString(""));
            }
            if (line.path("result").has("subscription_id")) {
                return line.get("result");
            }
        }
    }

    /**
     * The next message of a subscription ({@code result} of the line), or null when none arrived within
     * {@code wait}.
     *
     * @throws DaemonConnectionException when the daemon closed the connection
     */
    public JsonNode next(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            byte[] raw = readLineUntil(deadline, "agentd closed the subscription");
            if (raw == null) {
                return null;
            }
            JsonNode line = parse(raw);
            if (line != null && line.has("result")) {
                return line.get("result");
            }
        }
    }

    /** The next line, or null when {@code deadline} passes first. */
    private byte[] readLineUntil(long deadline, String closedMessage) {
        try {
            while (pendingLines.isEmpty()) {
                readBuffer.clear();
                int n = channel.read(readBuffer);
                if (n < 0) {
                    throw new DaemonConnectionException(closedMessage);
                }
                if (n == 0) {
                    if (!waitFor(SelectionKey.OP_READ, deadline)) {
                        return null;
                    }
                    continue;
                }
                pendingLines.addAll(framer.feed(readBuffer.flip()));
            }
            return pendingLines.removeFirst();
        } catch (IOException e) {
            throw new DaemonConnectionException("lost the connection to agentd: " + e.getMessage(), e);
        }
    }

    /** Calls {@code method} and maps its result onto {@code type}. */
    public <T> T call(String method, Object params, Class<T> type) {
        JsonNode result = call(method, params);
        try {
            return ProtocolJson.MAPPER.treeToValue(result, type);
        } catch (JacksonException e) {
            throw new DaemonConnectionException(
                    "unexpected answer to " + method + " from agentd: " + e.getOriginalMessage(), e);
        }
    }

    private static boolean matches(JsonNode responseId, long id) {
        return responseId != null && responseId.isIntegralNumber() && responseId.asLong() == id;
    }

    private static JsonNode parse(byte[] line) {
        if (line.length == 0) {
            return null;
        }
        try {
            JsonNode node = ProtocolJson.MAPPER.readTree(line);
            return node.isObject() ? node : null;
        } catch (JacksonException e) {
            log.debug("skipping a line that is not JSON: {}", e.getOriginalMessage());
            return null;
        }
    }

    private void write(String method, byte[] json, long deadline) {
        ByteBuffer buffer = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
        try {
            while (buffer.hasRemaining()) {
                if (channel.write(buffer) == 0) {
                    await(SelectionKey.OP_WRITE, method, deadline);
                }
            }
        } catch (IOException e) {
            throw new DaemonConnectionException("lost the connection to agentd while sending " + method + ": "
                    + e.getMessage(), e);
        }
    }

    private byte[] readLine(String method, long deadline) {
        byte[] line = readLineUntil(deadline, "agentd closed the connection before answering " + method);
        if (line == null) {
            throw new DaemonConnectionException("agentd did not answer " + method + " within " + timeout.toSeconds()
                    + " s");
        }
        return line;
    }

    private void await(int op, String method, long deadline) throws IOException {
        if (!waitFor(op, deadline)) {
            throw new DaemonConnectionException("agentd did not answer " + method + " within " + timeout.toSeconds()
                    + " s");
        }
    }

    /** Waits until the channel is ready for {@code op}; false when the deadline has passed. */
    private boolean waitFor(int op, long deadline) throws IOException {
        long remainingMillis = Math.ceilDiv(deadline - System.nanoTime(), 1_000_000L);
        if (remainingMillis <= 0) {
            return false;
        }
        SelectionKey key = channel.register(selector, op);
        try {
            selector.select(remainingMillis);
            selector.selectedKeys().clear();
        } finally {
            key.interestOps(0);
        }
        return true;
    }

    @Override
    public void close() {
        closeQuietly(selector);
        closeQuietly(channel);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            log.debug("ignoring a failure to close {}", closeable, e);
        }
    }
}
