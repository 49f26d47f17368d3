package io.agentd.daemon.fault;

import io.agentd.testkit.daemon.ClaudeDaemon;
import io.agentd.testkit.daemon.DaemonProcess;
import io.agentd.testkit.daemon.LineClient;
import io.agentd.testkit.fakeapi.FakeAnthropicApi;
import io.agentd.testkit.fakeapi.Reply;
import io.agentd.testkit.fakeapi.Script;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, item 1: the daemon SIGKILLed while several clients launch real Claude sessions (on the fake API).
 * The next daemon must know every process the previous one started, whatever the moment: none runs unseen,
 * each adopted one is followed (its output stored) and can be interrupted, and no session stays
 * non-terminal. Fails on the code that stored the pid in a write after the spawn.
 */
class LaunchCrashIT {
    private static final int THREADS = 3;
    private static final int LAUNCHES_PER_THREAD = 6;
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final Set<String> TERMINAL = Set.of("completed", "failed", "interrupted");

    private FakeAnthropicApi api;
    private ClaudeDaemon claude;
    private Path work;
    private final Set<String> interrupted = new java.util.HashSet<>();

    @BeforeEach
    void setUp() throws Exception {
        Path dir = DaemonProcess.tempDir();
        api = FakeAnthropicApi.start();
        claude = new ClaudeDaemon(dir, api, Map.of());
        work = Files.createDirectories(dir.resolve("work"));
    }

    @AfterEach
    void tearDown() {
        claude.close();
        api.close();
    }

    @Test
    void everyProcessStartedBeforeTheKillIsAdoptedOrNeverRan() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.println("LaunchCrashIT seed " + seed);
        Random random = new Random(seed);
        List<String> args = List.of("--max-sessions", "64");
        for (int round = 0; round < 2; round++) {
            CountDownLatch gate = new CountDownLatch(1);
            for (int i = 0; i < THREADS * LAUNCHES_PER_THREAD; i++) {
                api.script("r" + round + "l" + i, Script.of(new Reply.Hang(Reply.text(answer(round, i)), gate)));
            }
            claude.start(args);
            AtomicInteger next = new AtomicInteger();
            int finalRound = round;
            List<Thread> launchers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                launchers.add(Thread.ofPlatform().start(() -> launchUntilKilled(finalRound, next)));
            }
            Thread.sleep(100 + random.nextInt(900)); // the moment of the crash, from the printed seed
            claude.daemon().signal("KILL");
            claude.daemon().awaitExit(Duration.ofSeconds(10));
            for (Thread t : launchers) {
                t.join();
            }
            claude.start(args);

            // Every session the store holds is tracked: interrupt one that runs, release the rest.
            String toInterrupt = null;
            try (LineClient client = claude.daemon().client()) {
                for (String id : sessionIds()) {
                    JsonNode s = client.result("getSessionState", Map.of("session_id", id)).get("session");
                    if (s.path("status").asString().equals("running") && toInterrupt == null) {
                        awaitInit(id);
                        client.result("interruptSession", Map.of("session_id", id));
                        toInterrupt = id;
                        interrupted.add(id);
                    }
                }
            }
            gate.countDown();
            for (String id : sessionIds()) {
                claude.awaitStatus(id, TERMINAL, TIMEOUT);
            }
            checkEveryProcessWasSeen();
            claude.daemon().signal("TERM");
            claude.daemon().awaitExit(Duration.ofSeconds(30));
        }
    }

    private void launchUntilKilled(int round, AtomicInteger next) {
        try (LineClient client = claude.daemon().client()) {
            while (true) {
                int i = next.getAndIncrement();
                if (i >= THREADS * LAUNCHES_PER_THREAD) {
                    return;
                }
                client.result("launchSession", Map.of("query", Script.tag("r" + round + "l" + i) + " launch " + i,
                        "working_dir", work.toString()));
            }
        } catch (Exception | AssertionError e) {
            // The daemon died under this client: expected.
        }
    }

    private void checkEveryProcessWasSeen() throws Exception {
        Map<String, String[]> rows = new LinkedHashMap<>();
        try (Connection db = claude.database(); Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT s.id, s.status, s.query, p.pid FROM sessions s"
                     + " LEFT JOIN session_processes p ON p.session_id = s.id")) {
            while (rs.next()) {
                rows.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
            }
        }
        for (var e : rows.entrySet()) {
            String id = e.getKey();
            String status = e.getValue()[0];
            Path spool = claude.dir().resolve("spool").resolve(id);
            Path pidFile = spool.resolve("pid");
            String pid = Files.exists(pidFile) ? Files.readString(pidFile).strip() : "";
            String context = "session " + id + " (" + status + ", pid file '" + pid + "')\n" + claude.daemon().stderr();
            if (pid.matches("\\d+")) {
                // A process ran: the daemon knew it, followed it to its end and stored its output.
                assertThat(runsIn(Long.parseLong(pid), spool)).as(context).isFalse();
                assertThat(e.getValue()[2]).as(context).isNotNull();
                assertThat(status).as(context).isEqualTo(interrupted.contains(id) ? "interrupted" : "completed");
                if (status.equals("completed")) {
                    assertThat(assistantText(id)).as(context).contains("Answer ");
                }
                assertThat(spool.resolve("mcp-config.json")).as(context).doesNotExist();
            } else {
                // No process ever ran for it, and none will: the spool was claimed.
                assertThat(status).as(context).isEqualTo("failed");
            }
        }
        assertThat(Faults.integrityCheck(claude.daemon().database())).isEqualTo("ok");
    }

    /**
     * Whether {@code pid} is this spool's wrapper, still running: not a zombie (its new parent may never reap
     * it), and with the spool in its argv (so a reused pid does not count).
     */
    private static boolean runsIn(long pid, Path spool) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            String cmdline = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
            return state != 'Z' && cmdline.contains(spool.toString());
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    private List<String> sessionIds() throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection db = claude.database(); Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT id FROM sessions")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private String assistantText(String id) throws Exception {
        try (Connection db = claude.database(); var st = db.prepareStatement("SELECT group_concat(content) FROM"
                + " conversation_events WHERE session_id = ? AND role = 'assistant'")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? String.valueOf(rs.getString(1)) : "";
            }
        }
    }

    /** Waits for Claude's init line, so the interrupt finds a Claude that listens for signals. */
    private void awaitInit(String id) throws Exception {
        Path stdout = claude.dir().resolve("spool").resolve(id).resolve("stdout");
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(stdout) && Files.readString(stdout).contains("\"init\"")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no init from " + id);
    }

    private static String answer(int round, int i) {
        return "Answer " + round + "." + i;
    }
}
