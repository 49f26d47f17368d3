package io.agentd.daemon.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentd.store.Database;
import io.agentd.store.DatabaseOptions;
import io.agentd.store.session.LaunchConfig;
import io.agentd.store.session.SessionRepository;
import io.agentd.store.session.SessionRow;
import io.agentd.store.session.SessionStatus;
import io.agentd.testkit.daemon.DaemonProcess;
import io.agentd.testkit.daemon.LineClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One small request must not exhaust the daemon's memory: with a 256 MiB heap, a 56 KB line holding a batch
 * of 1,000 {@code listSessions} over 100 sessions (an answer of about 100 MB) is answered in full, because
 * batch answers are written while they are produced; and the daemon stays healthy and keeps checkpointing.
 */
class BatchMemoryIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int SESSIONS = 100;
    private static final int BATCH = 1_000;

    private Path dir;
    private DaemonProcess daemon;

    @BeforeEach
    void setUp() throws Exception {
        dir = DaemonProcess.tempDir();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (daemon != null) {
            daemon.close();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void aBatchOfAThousandListSessionsIsAnsweredWithinASmallHeap() throws Exception {
        Path db = dir.resolve("agentd.db");
        seed(db);
        daemon = DaemonProcess.start(dir, dir.resolve("run/daemon.sock"), db, List.of(),
                Map.of("JAVA_TOOL_OPTIONS", "-Xmx256m"));
        daemon.awaitReady(Duration.ofSeconds(30));

        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < BATCH; i++) {
            batch.append(i == 0 ? "" : ",").append("{\"jsonrpc\":\"2.0\",\"method\":\"listSessions\",\"id\":").append(i)
                    .append('}');
        }
        String request = batch.append(']').toString();
        assertThat(request.length()).isBetween(50_000, 60_000);
        try (LineClient client = daemon.client()) {
            client.send(request);
            String answer = client.readLine();
            assertThat(answer.length()).as("answer bytes").isGreaterThan(BATCH * SESSIONS * 500);
            assertThat(countAnswers(answer)).isEqualTo(BATCH);
            JsonNode health = client.result("health", null);
            assertThat(health.path("jobs").path("ok").asBoolean()).as(health.toString()).isTrue();
            assertThat(health.path("store").path("ok").asBoolean()).as(health.toString()).isTrue();

            // The checkpointer still runs: round after round of writes, the WAL is reused instead of growing by
            // what each round writes (without checkpoints it grows by megabytes a round here).
            Path wal = db.resolveSibling("agentd.db-wal");
            long[] sizes = new long[4];
            // Titles just under the 1 KiB limit of FieldLimits.
            String title = "t".repeat(1_000);
            for (int round = 0; round < sizes.length; round++) {
                for (int i = 0; i < 1_000; i++) {
                    client.result("updateSessionTitle", Map.of("session_id", "s" + (i % SESSIONS),
                            "title", title + round + "-" + i));
                }
                Thread.sleep(1_500);
                sizes[round] = Files.size(wal);
            }
            System.out.println("WAL sizes after each round: " + java.util.Arrays.toString(sizes));
            assertThat(sizes[3]).as("WAL bytes after four rounds, after the first " + sizes[0])
                    .isLessThan(sizes[0] * 3 / 2 + 4 * 1024 * 1024);
        }
        assertThat(daemon.stderr()).doesNotContain("OutOfMemoryError").doesNotContain("connection failed");
    }

    /** Counts the answers of the top-level array, checking each is a result, without building the tree. */
    private static int countAnswers(String answer) {
        int count = 0;
        try (JsonParser parser = JSON.createParser(answer)) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                JsonNode element = parser.readValueAsTree();
                assertThat(element.path("result").path("sessions").size()).as(element.path("error").toString())
                        .isEqualTo(SESSIONS);
                count++;
            }
        }
        return count;
    }

    /** 100 finished sessions with titles of 500 characters, written before the daemon starts. */
    private static void seed(Path db) {
        Instant at = Instant.parse("2026-12-01T20:00:00Z");
        try (Database database = Database.open(DatabaseOptions.defaults(db))) {
            database.write(tx -> {
                SessionRepository sessions = new SessionRepository();
                for (int i = 0; i < SESSIONS; i++) {
                    sessions.insert(tx.connection(), new SessionRow("s" + i, "run-" + i, "claude-" + i, null,
                            SessionStatus.COMPLETED, "query " + i, "summary " + i, "title ".repeat(83) + i, "opus",
                            "claude-opus-4", "/projects/app", LaunchConfig.empty(), at, at, at.plusSeconds(60), null,
                            null, null, false, null, null));
                }
                return null;
            });
        }
    }
}
