package io.agentd.cli.testing;

import static java.util.Objects.requireNonNull;

import io.agentd.cli.protocol.ProtocolJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for agentd in tests: a real Unix socket server under /tmp that answers JSON-RPC lines
 * with canned results and records every request it received.
 */
public final class FakeDaemon implements AutoCloseable {
    /** What to answer to one request: a result, an error, or nothing at all. */
    public sealed interface Reply {
        record Result(String json) implements Reply {
        }

        record Error(int code, String message) implements Reply {
        }

        record Silence() implements Reply {
        }

        /** Closes the connection instead of answering. */
        record Hangup() implements Reply {
        }

        /**
         * Confirms a {@code Subscribe} (the result, with id null) and keeps the connection as a
         * subscriber that {@link #emit} writes events to.
         */
        record Subscription(String confirmationJson) implements Reply {
        }
    }

    /** An open subscription: its params and where its events go. */
    private record Subscriber(JsonNode params, OutputStream out) {
    }

    private final Path socket;
    private final ServerSocketChannel server;
    private final Map<String, Function<JsonNode, Reply>> handlers = new ConcurrentHashMap<>();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> noise = new CopyOnWriteArrayList<>();
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final Set<SocketChannel> connections = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    private FakeDaemon(Path socket, ServerSocketChannel server) {
        this.socket = socket;
        this.server = server;
        this.acceptor = Thread.ofVirtual().name("fake-agentd").start(this::acceptLoop);
    }

    /** Starts listening on a fresh short socket path (Unix socket paths are limited to ~100 bytes). */
    public static FakeDaemon start() throws IOException {
        return startAt(Path.of("/tmp", "agentctl-" + UUID.randomUUID().toString().substring(0, 8) + ".sock"));
    }

    /** Starts listening at {@code socket}, e.g. the path of a daemon that was closed: a restart. */
    public static FakeDaemon startAt(Path socket) throws IOException {
        Files.deleteIfExists(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        return new FakeDaemon(socket, server);
    }

    /** A socket path nothing listens on. */
    public static Path unusedSocket() {
        return Path.of("/tmp", "agentctl-none-" + UUID.randomUUID().toString().substring(0, 8) + ".sock");
    }

    public Path socket() {
        return socket;
    }

    /** Answers every call of {@code method} with this result JSON. */
    public FakeDaemon result(String method, String resultJson) {
        return on(method, params -> new Reply.Result(resultJson));
    }

    /** Answers successive calls with successive results; the last one repeats. */
    public FakeDaemon results(String method, String... resultJsons) {
        List<String> queue = Collections.synchronizedList(new ArrayList<>(List.of(resultJsons)));
        return on(method, params -> new Reply.Result(queue.size() > 1 ? queue.removeFirst() : queue.getFirst()));
    }

    public FakeDaemon error(String method, int code, String message) {
        return on(method, params -> new Reply.Error(code, message));
    }

    public FakeDaemon on(String method, Function<JsonNode, Reply> handler) {
        handlers.put(requireNonNull(method, "method is null"), requireNonNull(handler, "handler is null"));
        return this;
    }

    /** Raw lines written before every response, to prove the client skips what is not its answer. */
    public FakeDaemon noiseBeforeEachResponse(String... lines) {
        noise.addAll(List.of(lines));
        return this;
    }

    /** Every request received, in order. */
    public List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    /** The params of every call of {@code method}, in order. */
    public List<JsonNode> params(String method) {
        return requests.stream()
                .filter(r -> method.equals(r.path("method").asString()))
                .map(r -> r.path("params"))
                .toList();
    }

    /**
     * Sends an event to every open subscription, as the bus does; {@code eventJson} is the
     * {@code {type, timestamp, seq, data}} object.
     */
    public void emit(String eventJson) {
        String line = "{\"jsonrpc\":\"2.0\",\"result\":{\"event\":" + eventJson + "},\"id\":null}";
        for (Subscriber subscriber : subscribers) {
            try {
                synchronized (subscriber.out()) {
                    write(subscriber.out(), line);
                }
            } catch (IOException e) {
                subscribers.remove(subscriber);
            }
        }
    }

    /** How many subscriptions are open now. */
    public int subscriberCount() {
        return subscribers.size();
    }

    /** The params of the open subscriptions. */
    public List<JsonNode> subscriptions() {
        return subscribers.stream().map(Subscriber::params).toList();
    }

    public List<String> methods() {
        return requests.stream().map(r -> r.path("method").asString()).toList();
    }

    private void acceptLoop() {
        while (server.isOpen()) {
            try {
                SocketChannel connection = server.accept();
                connections.add(connection);
                Thread.ofVirtual().start(() -> serve(connection));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(SocketChannel connection) {
        Subscriber subscriber = null;
        try (connection;
                BufferedReader in = new BufferedReader(new InputStreamReader(
                        Channels.newInputStream(connection), StandardCharsets.UTF_8));
                OutputStream out = Channels.newOutputStream(connection)) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode request = ProtocolJson.MAPPER.readTree(line);
                requests.add(request);
                String method = request.path("method").asString();
                Reply reply = handlers.getOrDefault(method, p -> new Reply.Error(-32601, "Method not found: " + method))
                        .apply(request.path("params"));
                for (String noiseLine : noise) {
                    write(out, noiseLine);
                }
                ObjectNode response = ProtocolJson.MAPPER.createObjectNode().put("jsonrpc", "2.0");
                switch (reply) {
                    case Reply.Result(String json) -> response.set("result", ProtocolJson.MAPPER.readTree(json));
                    case Reply.Error(int code, String message) ->
                            response.putObject("error").put("code", code).put("message", message);
                    case Reply.Silence() -> {
                        continue;
                    }
                    case Reply.Hangup() -> {
                        return;
                    }
                    case Reply.Subscription(String json) -> {
                        response.set("result", ProtocolJson.MAPPER.readTree(json));
                        response.putNull("id");
                        write(out, ProtocolJson.MAPPER.writeValueAsString(response));
                        subscriber = new Subscriber(request.path("params"), out);
                        subscribers.add(subscriber);
                        continue;
                    }
                }
                response.set("id", request.get("id"));
                write(out, ProtocolJson.MAPPER.writeValueAsString(response));
            }
        } catch (IOException e) {
            // The client went away; nothing to answer.
        } finally {
            if (subscriber != null) {
                subscribers.remove(subscriber);
            }
            connections.remove(connection);
        }
    }

    private static void write(OutputStream out, String line) throws IOException {
        out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        acceptor.interrupt();
        // A daemon that exits drops its clients too.
        for (SocketChannel connection : connections) {
            connection.close();
        }
        subscribers.clear();
        Files.deleteIfExists(socket);
    }
}
