package io.agentd.daemon.session;

import io.agentd.testkit.daemon.DaemonProcess;
import io.agentd.testkit.daemon.LineClient;
import io.agentd.testkit.fakeclaude.FakeClaude;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The real daemon running a {@link FakeClaude} as its claude, in one temporary folder that survives
 * daemon restarts. Closing it kills the daemon and every session process group the daemon recorded, so
 * no hanging fake outlives its test.
 */
public final class FakeClaudeDaemon implements AutoCloseable {
    public static final Duration TIMEOUT = Duration.ofSeconds(30);
    public static final Set<String> TERMINAL = Set.of("completed", "failed", "interrupted");

    private final Path dir;
    private final Path work;
    private final Map<String, String> env = new HashMap<>();
    private final List<DaemonProcess> daemons = new ArrayList<>();
    private FakeClaude fake;

    public FakeClaudeDaemon() throws IOException {
        dir = DaemonProcess.tempDir();
        work = Files.createDirectories(dir.resolve("work"));
    }

    /** Writes the fake claude the daemon runs; takes effect for daemons started afterwards. */
    public FakeClaude fake(FakeClaude.Builder builder) {
        fake = builder.writeTo(dir.resolve("fake"));
        env.put("HUMANLAYER_CLAUDE_PATH", fake.executable().toString());
        return fake;
    }

    /** Points the daemon at a claude path as given (e.g. one that does not exist). */
    public void claudePath(String path) {
        env.put("HUMANLAYER_CLAUDE_PATH", path);
    }

    public DaemonProcess start(String... args) throws IOException, InterruptedException {
        DaemonProcess daemon = DaemonProcess.start(dir, List.of(args), env);
        daemons.add(daemon);
        daemon.awaitReady(TIMEOUT);
        return daemon;
    }

    public DaemonProcess daemon() {
        return daemons.getLast();
    }

    public Path dir() {
        return dir;
    }

    public Path work() {
        return work;
    }

    public LineClient client() throws IOException {
        return daemon().client();
    }

    /** Launches with {@code query} in the work folder plus {@code extra} params; returns the session id. */
    public String launch(String query, Map<String, Object> extra) throws IOException {
        Map<String, Object> params = new HashMap<>(extra);
        params.put("query", query);
        params.putIfAbsent("working_dir", work.toString());
        try (LineClient client = client()) {
            return client.result("launchSession", params).path("session_id").asString();
        }
    }

    public String launch(String query) throws IOException {
        return launch(query, Map.of());
    }

    public JsonNode session(String id) throws IOException {
        try (LineClient client = client()) {
            return client.result("getSessionState", Map.of("session_id", id)).get("session");
        }
    }

    public JsonNode conversation(String id) throws IOException {
        try (LineClient client = client()) {
            return client.result("getConversation", Map.of("session_id", id)).get("events");
        }
    }

    /** Polls until the session's status is one of {@code statuses}; returns the session. */
    public JsonNode awaitStatus(String id, Set<String> statuses) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        JsonNode session = null;
        while (System.nanoTime() < deadline) {
            session = session(id);
            if (statuses.contains(session.path("status").asString())) {
                return session;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("session " + id + " not in " + statuses + " within " + TIMEOUT + ": " + session
                + "\ndaemon stderr: " + daemon().stderr());
    }

    public JsonNode awaitEnd(String id) throws Exception {
        return awaitStatus(id, TERMINAL);
    }

    /** Waits until the fake has printed its stdout and the daemon has stored at least {@code count} raw lines. */
    public void awaitRawEvents(String id, long count) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (queryLong("SELECT COUNT(*) FROM raw_events WHERE session_id = ?", id) >= count) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("fewer than " + count + " raw events stored for " + id);
    }

    /** The spool folder of a session, where the daemon keeps its output and MCP config. */
    public Path spool(String id) {
        return dir.resolve("spool").resolve(id);
    }

    /** A read-only connection to the daemon's database file, for what no RPC shows (raw events, pids). */
    public Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:file:" + dir.resolve("agentd.db") + "?mode=ro");
    }

    public long queryLong(String sql, String param) throws SQLException {
        try (Connection db = database(); PreparedStatement st = db.prepareStatement(sql)) {
            st.setString(1, param);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    /** The process group of a session's wrapper (its pid, since it runs under setsid). */
    public long processGroup(String id) throws SQLException {
        return queryLong("SELECT pid FROM session_processes WHERE session_id = ?", id);
    }

    public static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * Whether the process is gone within a few seconds: the wrapper writes the exit file the daemon
     * reacts to just before it exits itself, and an orphan still has to be reaped by init.
     */
    public static boolean awaitGone(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (alive(pid)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Override
    public void close() throws Exception {
        daemons.forEach(DaemonProcess::close);
        List<Long> groups = new ArrayList<>();
        if (Files.exists(dir.resolve("agentd.db"))) {
            try (Connection db = database(); ResultSet rs = db.createStatement()
                    .executeQuery("SELECT pid FROM session_processes WHERE pid IS NOT NULL AND ended_at IS NULL")) {
                while (rs.next()) {
                    groups.add(rs.getLong(1));
                }
            }
        }
        for (long group : groups) {
            // Only groups this test's daemon created and never saw end; a failed test may have left one hanging.
            new ProcessBuilder("kill", "-KILL", "--", "-" + group).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
