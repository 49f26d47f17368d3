package io.agentd.daemon.fault;

import io.agentd.daemon.session.FakeClaudeDaemon;
import io.agentd.testkit.daemon.DaemonProcess;
import io.agentd.testkit.daemon.LineClient;
import io.agentd.testkit.fakeclaude.FakeClaude;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database fills up, then becomes read-only, while a live session keeps writing: clients get clear
 * errors, health reports the problem while it lasts, the session's output is stored exactly once when
 * the database takes writes again, the file stays intact, and service goes on as normal.
 *
 * <p>The faults come from SQLite itself through the store's test seam ({@code --store-fault-file}, see
 * docs/faults.md): {@code max_page_count} gives {@code SQLITE_FULL} exactly where a full disk would, and
 * {@code query_only} gives {@code SQLITE_READONLY}, without root, a small mount or a filled disk, so this
 * runs wherever the other tests run.
 */
class DatabaseFaultsIT {
    private static final String INIT = "{\"type\":\"system\",\"subtype\":\"init\",\"session_id\":\"c1\",\"model\":\"m\"}";
    private static final String RESULT = "{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false,"
            + "\"session_id\":\"c1\",\"num_turns\":1,\"total_cost_usd\":0.01,\"result\":\"done\"}";
    private static final int BEFORE = 200;
    private static final int DURING = 300;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private FakeClaudeDaemon agentd;
    private Path faults;
    private Path gates;

    @BeforeEach
    void setUp() throws Exception {
        agentd = new FakeClaudeDaemon();
        faults = agentd.dir().resolve("store-faults");
        gates = Files.createDirectories(agentd.dir().resolve("gates"));
    }

    @AfterEach
    void tearDown() throws Exception {
        agentd.close();
    }

    @Test
    void aFullThenReadOnlyDatabaseLosesAndDoublesNothingAndServiceResumes() throws Exception {
        // 200 lines, then 300 while the database is full, 300 while it is read-only, then the result.
        agentd.fake(FakeClaude.builder().stdout(INIT).stdout(lines(0, BEFORE))
                .awaitFile(gates.resolve("1")).stdout(lines(BEFORE, BEFORE + DURING))
                .awaitFile(gates.resolve("2")).stdout(lines(BEFORE + DURING, BEFORE + 2 * DURING))
                .awaitFile(gates.resolve("3")).stdout(RESULT).exit(0));
        DaemonProcess daemon = agentd.start("--store-fault-file", faults.toString());
        String id = agentd.launch("keep writing");
        agentd.awaitRawEvents(id, 1 + BEFORE);
        assertThat(health().path("store").path("ok").asBoolean()).isTrue();

        // The disk fills up while Claude goes on writing.
        Files.writeString(faults, "full");
        Files.createFile(gates.resolve("1"));
        JsonNode store = awaitHealth(s -> !s.path("ok").asBoolean());
        assertThat(store.path("error").asString()).startsWith("database is full: ");
        assertThat(store.path("since").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        try (LineClient client = agentd.client()) {
            JsonNode error = client.call("launchSession", Map.of("query", "q".repeat(100_000),
                    "working_dir", agentd.work().toString())).path("error");
            assertThat(error.path("code").asInt()).isEqualTo(-32603);
            assertThat(error.path("message").asString()).startsWith("database is full: ");
            assertThat(client.result("listSessions", Map.of()).path("sessions")).as("reads still work").hasSize(1);
        }
        awaitSpoolLines(id, 1 + BEFORE + DURING);
        awaitLog(daemon, "storing", "(attempt 3)"); // the session's write keeps being retried, with back-off
        assertThat(storedLines(id)).as("nothing stored while full").hasSizeLessThan(1 + BEFORE + DURING);

        // Space comes back: everything spooled meanwhile is stored, once.
        Files.writeString(faults, "");
        agentd.awaitRawEvents(id, 1 + BEFORE + DURING);
        awaitHealth(s -> s.path("ok").asBoolean());

        // The file turns read-only.
        Files.writeString(faults, "read-only");
        Files.createFile(gates.resolve("2"));
        store = awaitHealth(s -> !s.path("ok").asBoolean());
        assertThat(store.path("error").asString()).startsWith("database is read-only: ");
        try (LineClient client = agentd.client()) {
            JsonNode error = client.call("updateSessionTitle", Map.of("session_id", id, "title", "renamed")).path("error");
            assertThat(error.path("code").asInt()).isEqualTo(-32603);
            assertThat(error.path("message").asString()).startsWith("database is read-only: ");
        }
        awaitSpoolLines(id, 1 + BEFORE + 2 * DURING);
        assertThat(storedLines(id)).as("nothing stored while read-only").hasSizeLessThan(1 + BEFORE + 2 * DURING);

        Files.writeString(faults, "");
        Files.createFile(gates.resolve("3"));
        JsonNode session = agentd.awaitEnd(id);
        assertThat(session.path("status").asString()).as(session.toString()).isEqualTo("completed");
        assertThat(storedLines(id)).as("every spooled line stored exactly once, in order").containsExactlyElementsOf(spooled(id));
        assertThat(queryLong("SELECT COUNT(*) FROM conversation_events WHERE session_id = ? AND role = 'assistant'", id))
                .isEqualTo(BEFORE + 2 * DURING);
        assertThat(queryLong("SELECT COUNT(DISTINCT content) FROM conversation_events WHERE session_id = ?"
                + " AND role = 'assistant'", id)).isEqualTo(BEFORE + 2 * DURING);
        assertThat(Faults.integrityCheck(daemon.database())).isEqualTo("ok");

        // Normal service: health, writes, a new session.
        awaitHealth(s -> s.path("ok").asBoolean());
        try (LineClient client = agentd.client()) {
            client.result("updateSessionTitle", Map.of("session_id", id, "title", "renamed"));
        }
        assertThat(agentd.session(id).path("title").asString()).isEqualTo("renamed");
        String next = agentd.launch("after the faults");
        agentd.awaitRawEvents(next, 1 + BEFORE);
        assertThat(daemon.process().isAlive()).isTrue();
        assertThat(daemon.stderr()).doesNotContain("Exception in thread").doesNotContain("following its output failed");
    }

    private JsonNode health() throws Exception {
        try (LineClient client = agentd.client()) {
            return client.result("health", null);
        }
    }

    private JsonNode awaitHealth(Predicate<JsonNode> store) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = health().path("store");
            if (store.test(last)) {
                return last;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("health's store never matched; last " + last + "\n" + agentd.daemon().stderr());
    }

    private static void awaitLog(DaemonProcess daemon, String... parts) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (daemon.stderr().lines().noneMatch(line -> Arrays.stream(parts).allMatch(line::contains))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no log line with " + List.of(parts) + ":\n" + daemon.stderr());
            }
            Thread.sleep(50);
        }
    }

    private void awaitSpoolLines(String id, int count) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (spooled(id).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the fake wrote only " + spooled(id).size() + " lines");
            }
            Thread.sleep(20);
        }
    }

    private List<String> spooled(String id) throws Exception {
        return Files.readAllLines(agentd.spool(id).resolve("stdout")).stream().filter(l -> !l.isBlank()).toList();
    }

    private List<String> storedLines(String id) throws Exception {
        try (Connection db = agentd.database();
             PreparedStatement st = db.prepareStatement("SELECT event_json FROM raw_events WHERE session_id = ? ORDER BY id")) {
            st.setString(1, id);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    private long queryLong(String sql, String param) throws Exception {
        return agentd.queryLong(sql, param);
    }

    private static List<String> lines(int from, int to) {
        List<String> out = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            out.add("{\"type\":\"assistant\",\"session_id\":\"c1\",\"message\":{\"id\":\"m" + i + "\",\"role\":\"assistant\","
                    + "\"content\":[{\"type\":\"text\",\"text\":\"line " + i + " of a session that keeps writing\"}]}}");
        }
        return out;
    }
}
