package io.agentd.testkit.daemon;

import io.agentd.testkit.claude.ClaudeCli;
import io.agentd.testkit.claude.ClaudeEnvironment;
import io.agentd.testkit.fakeapi.FakeAnthropicApi;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A real daemon process that runs the real, pinned Claude Code CLI against the project's fake Anthropic
 * API, all under one temporary folder that survives daemon restarts.
 */
public final class ClaudeDaemon implements AutoCloseable {
    private final Path dir;
    private final FakeAnthropicApi api;
    private final Map<String, String> env;
    private DaemonProcess daemon;

    public ClaudeDaemon(Path dir, FakeAnthropicApi api, Map<String, String> extraEnv) throws IOException {
        this.dir = dir;
        this.api = api;
        Path home = Files.createDirectories(dir.resolve("home"));
        Map<String, String> e = new HashMap<>(new ClaudeEnvironment(api.baseUrl(), home).variables());
        e.put("HUMANLAYER_CLAUDE_PATH", ClaudeCli.require().toString());
        e.putAll(extraEnv);
        this.env = Map.copyOf(e);
    }

    public DaemonProcess start(List<String> args) throws IOException, InterruptedException {
        daemon = DaemonProcess.start(dir, args, env);
        daemon.awaitReady(Duration.ofSeconds(30));
        return daemon;
    }

    public DaemonProcess daemon() {
        return daemon;
    }

    public FakeAnthropicApi api() {
        return api;
    }

    public Path dir() {
        return dir;
    }

    /** Polls getSessionState until the status is one of {@code statuses}; returns the session. */
    public JsonNode awaitStatus(String sessionId, Set<String> statuses, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode session = null;
        try (LineClient client = daemon.client()) {
            while (System.nanoTime() < deadline) {
                session = client.result("getSessionState", Map.of("session_id", sessionId)).get("session");
                if (statuses.contains(session.path("status").asString())) {
                    return session;
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("session " + sessionId + " not in " + statuses + " within " + timeout + ": " + session
                + "\nstderr: " + daemon.stderr());
    }

    /** A read-only JDBC connection to the daemon's database, for checks users cannot make over RPC. */
    public Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:file:" + daemon.database() + "?mode=ro");
    }

    @Override
    public void close() {
        if (daemon != null) {
            daemon.close();
        }
    }
}
