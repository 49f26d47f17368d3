package io.agentd.testkit.fakeapi;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * A local stand-in for the Anthropic Messages API that the real Claude Code CLI can talk to
 * (point {@code ANTHROPIC_BASE_URL} at {@link #baseUrl()}).
 *
 * <p>{@code POST /v1/messages} is answered from a {@link Script}: the script is chosen by a
 * {@link Script#tag(String) tag} in the first user message (the default script when there is none),
 * the turn by the number of assistant messages already in the request. Nothing is kept per session,
 * so many concurrent and resumed sessions can share one server. {@code POST /v1/messages/count_tokens}
 * answers {@code {"input_tokens":N}}, anything else {@code {}}. Every request is recorded.
 *
 * <pre>{@code
 * try (var api = FakeAnthropicApi.start()) {
 *     api.script("read", Script.of(Reply.toolUse("Read", "{\"file_path\":\"/x\"}"), Reply.text("done")));
 *     // run claude -p "[[script:read]] read it" with ClaudeEnvironment pointing at api.baseUrl()
 * }
 * }</pre>
 */
public final class FakeAnthropicApi implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(FakeAnthropicApi.class);
    private static final String DEFAULT_MODEL = "claude-opus-5-5";

    private final HttpServer server;
    private final ExecutorService executor;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final ReplyStreamer streamer;
    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private volatile Script defaultScript = Script.always(Reply.text("Hello from the fake Anthropic API."));

    private FakeAnthropicApi(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        this.streamer = new ReplyStreamer(new SseEncoder(() -> Ids.next("toolu_")), closed);
    }

    /** Starts a server on a free loopback port. */
    public static FakeAnthropicApi start() {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the fake Anthropic API", e);
        }
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        FakeAnthropicApi api = new FakeAnthropicApi(server, executor);
        server.createContext("/", api::handle);
        server.setExecutor(executor);
        server.start();
        return api;
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        InetSocketAddress address = server.getAddress();
        return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    /** Registers (or replaces) the script answering prompts tagged {@code [[script:name]]}. */
    public FakeAnthropicApi script(String name, Script script) {
        ScriptTag.requireValidName(name);
        scripts.put(name, requireNonNull(script, "script is null"));
        return this;
    }

    /** Sets the script for prompts without a tag; by default every turn gets a short text. */
    public FakeAnthropicApi defaultScript(Script script) {
        this.defaultScript = requireNonNull(script, "script is null");
        return this;
    }

    /** Every request so far, in arrival order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The model turns ({@code POST /v1/messages}) so far, in arrival order. */
    public List<RecordedRequest> messageRequests() {
        return requests().stream().filter(RecordedRequest::isMessages).toList();
    }

    /** The model turns that asked for the script {@code name}. */
    public List<RecordedRequest> messageRequests(String name) {
        requireNonNull(name, "name is null");
        return messageRequests().stream().filter(r -> r.scriptName().equals(Optional.of(name))).toList();
    }

    /** Stops the server; streams still hanging are cut off. */
    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.close();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            RecordedRequest request = record(exchange);
            log.debug("{} {} (turn {}, script {})", request.method(), request.path(), request.turnIndex(),
                    request.scriptName().orElse("<default>"));
            if (request.isMessages()) {
                streamer.send(exchange, replyFor(request), modelOf(request));
            } else if ("POST".equals(request.method()) && "/v1/messages/count_tokens".equals(request.path())) {
                long estimate = Math.max(1, Json.write(request.body()).length() / 4);
                ReplyStreamer.sendJson(exchange, 200, "{\"input_tokens\":" + estimate + "}");
            } else {
                ReplyStreamer.sendJson(exchange, 200, "{}");
            }
        } catch (IOException e) {
            // the client went away (interrupt, kill) or the server is closing: nothing to answer
            log.debug("fake API exchange ended early: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("fake API failed to answer {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        }
    }

    private RecordedRequest record(HttpExchange exchange) throws IOException {
        String raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = new String(in.readAllBytes(), UTF_8);
        }
        JsonNode body = MissingNode.getInstance();
        if (!raw.isBlank()) {
            try {
                body = Json.parse(raw);
            } catch (IllegalArgumentException e) {
                log.warn("fake API got a body that is not JSON on {}", exchange.getRequestURI());
            }
        }
        String query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
        RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                query, body);
        requests.add(request);
        return request;
    }

    private Reply replyFor(RecordedRequest request) {
        Optional<String> name = request.scriptName();
        Script script = name.isPresent() ? scripts.get(name.get()) : defaultScript;
        if (script == null) {
            return Reply.badRequest("fake API: no script named '" + name.get() + "'; registered: " + scripts.keySet());
        }
        int turn = request.turnIndex();
        return script.turn(turn).orElseGet(() -> Reply.badRequest("fake API: script '" + name.orElse("<default>")
                + "' has " + script.turns().size() + " turn(s), the request asks for turn " + turn));
    }

    private static String modelOf(RecordedRequest request) {
        String model = request.model();
        return model.isEmpty() ? DEFAULT_MODEL : model;
    }
}
