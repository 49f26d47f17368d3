package io.agentd.bench;

import io.agentd.daemon.bus.EventBus;
import io.agentd.daemon.bus.EventLog;
import io.agentd.daemon.bus.SessionEventPublisher;
import io.agentd.daemon.session.follow.SpoolFollower;
import io.agentd.daemon.session.follow.Wakeup;
import io.agentd.daemon.session.ingest.IngestContext;
import io.agentd.daemon.session.ingest.SessionIngestor;
import io.agentd.daemon.session.stream.ConversationEntries;
import io.agentd.daemon.session.stream.ConversationEntry;
import io.agentd.daemon.session.stream.EntryType;
import io.agentd.daemon.session.stream.StreamJsonParser;
import io.agentd.store.Database;
import io.agentd.store.DatabaseOptions;
import io.agentd.store.approval.ApprovalRepository;
import io.agentd.store.conversation.ConversationRepository;
import io.agentd.store.process.ProcessRepository;
import io.agentd.store.rawevent.RawEventRepository;
import io.agentd.store.session.LaunchConfig;
import io.agentd.store.session.PermissionSettings;
import io.agentd.store.session.SessionRepository;
import io.agentd.store.session.SessionRow;
import io.agentd.store.snapshot.SnapshotRepository;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Ingest throughput: 50 fake sessions whose spool files are written by writer threads replaying real
 * stream-json lines, each followed as the daemon follows it (SpoolFollower → StreamJsonParser →
 * SessionIngestor → one store transaction per batch, bus publication included), with the store's durable
 * settings (WAL, synchronous=NORMAL). Baseline: the same raw_events and conversation_events rows inserted
 * with plain JDBC on one connection, one transaction per 512 lines (the ingestor's batch size).
 */
final class IngestBench {
    static final int SESSIONS = 50;
    private static final int BATCH = 512;

    private IngestBench() {
    }

    /** The replayed cycle: a tool call, its result, then streamed text (partial messages, as Claude streams). */
    static List<byte[]> cycle() throws IOException {
        List<byte[]> lines = new ArrayList<>();
        try (InputStream in = IngestBench.class.getResourceAsStream("/ingest/lines.jsonl")) {
            if (in == null) {
                throw new IOException("ingest/lines.jsonl missing from the bench jar");
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    lines.add((line + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        // assistant(tool_use), user(tool_result), message_start, content_block_delta x5
        byte[] assistant = lines.get(0);
        byte[] user = lines.get(1);
        byte[] delta = lines.get(2);
        byte[] start = lines.get(3);
        return List.of(assistant, user, start, delta, delta, delta, delta, delta);
    }

    private static final String TOOL_ID = "toolu_174adbe8e3534b45867a88ed";

    /**
     * Line {@code i} of a session: the cycle's line, with the tool call and its result given an id of their
     * own per cycle, as every real call has (a repeated id would make each result update every earlier call).
     */
    static byte[] line(List<byte[]> cycle, int i) {
        byte[] template = cycle.get(i % cycle.size());
        if (i % cycle.size() > 1) {
            return template;
        }
        String text = new String(template, StandardCharsets.UTF_8);
        String unique = TOOL_ID.substring(0, TOOL_ID.length() - 8) + String.format(Locale.ROOT, "%08d", i / cycle.size());
        return text.replace(TOOL_ID, unique).getBytes(StandardCharsets.UTF_8);
    }

    static List<Row> run(Bench.Settings settings) throws Exception {
        int perSession = settings.quick() ? 600 : 8_000;
        List<byte[]> cycle = cycle();
        // Warm the JIT on a small run first, so both paths are measured compiled.
        int warm = settings.quick() ? 200 : 800;
        measureAgentd(cycle, 10, warm);
        measureBaseline(cycle, 10, warm);
        double agentd = measureAgentd(cycle, SESSIONS, perSession);
        double baseline = measureBaseline(cycle, SESSIONS, perSession);
        long total = (long) SESSIONS * perSession;
        String note = String.format(Locale.ROOT, "plain JDBC batched inserts of the same rows; %d sessions x %,d lines",
                SESSIONS, perSession);
        return List.of(
                Row.rate("ingest, 50 sessions (durable)", agentd, baseline, "ev/s", 50_000, note),
                Row.rate("ingest, share of baseline", agentd / baseline * 100, 100, "%", 30,
                        String.format(Locale.ROOT, "%,d events per path", total)));
    }

    /** Events per second through the daemon's own ingest path. */
    static double measureAgentd(List<byte[]> cycle, int sessions, int perSession) throws Exception {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "agentd-bench-ingest");
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(DatabaseOptions.defaults(dir.resolve("agentd.db")))) {
            EventLog eventLog = new EventLog(db, new EventBus(clock, BusStack.SUBSCRIBER_BUFFER), clock);
            IngestContext ctx = new IngestContext(db, new SessionRepository(), new ConversationRepository(),
                    new RawEventRepository(), new SnapshotRepository(), new ProcessRepository(), new ApprovalRepository(),
                    new StreamJsonParser(), new SessionEventPublisher(eventLog), clock);
            List<SessionRow> rows = insertSessions(db, dir, sessions, clock.instant(), true);
            CountDownLatch go = new CountDownLatch(1);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Thread> threads = new ArrayList<>();
            for (SessionRow row : rows) {
                Path stdout = Files.createDirectories(dir.resolve("spool").resolve(row.id())).resolve("stdout");
                Wakeup wakeup = new Wakeup();
                AtomicBoolean finished = new AtomicBoolean();
                threads.add(Thread.ofPlatform().name("writer-" + row.id()).start(() -> {
                    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(stdout), 16 * 1024)) {
                        go.await();
                        for (int i = 0; i < perSession; i++) {
                            out.write(line(cycle, i));
                            if (i % 16 == 15) {
                                out.flush();
                                wakeup.signal();
                            }
                        }
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        finished.set(true);
                        wakeup.signal();
                    }
                }));
                // As SessionSupervisor runs it: one virtual thread per session.
                threads.add(Thread.ofVirtual().name("session-" + row.id()).start(() -> {
                    try {
                        go.await();
                        SessionIngestor ingestor = new SessionIngestor(ctx, row);
                        new SpoolFollower(stdout, wakeup, finished::get, 256 * 1024 * 1024).follow(0, ingestor, ingestor);
                        ingestor.flush();
                    } catch (Exception e) {
                        failure.compareAndSet(null, e);
                    }
                }));
            }
            long t0 = System.nanoTime();
            go.countDown();
            for (Thread t : threads) {
                t.join();
            }
            long elapsed = System.nanoTime() - t0;
            if (failure.get() != null) {
                throw new IllegalStateException("ingest failed", failure.get());
            }
            long stored = db.read(c -> count(c, "SELECT count(*) FROM raw_events"));
            if (stored != (long) sessions * perSession) {
                throw new IllegalStateException("stored " + stored + " raw events, expected " + (long) sessions * perSession);
            }
            return stored / (elapsed / 1e9);
        } finally {
            Files2.deleteTree(dir);
        }
    }

    /** Events per second when the same rows go in through plain JDBC, one transaction per batch. */
    static double measureBaseline(List<byte[]> cycle, int sessions, int perSession) throws Exception {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "agentd-bench-ingest-base");
        try {
            Path file = dir.resolve("agentd.db");
            try (Database db = Database.open(DatabaseOptions.defaults(file))) {
                insertSessions(db, dir, sessions, Instant.now(), false); // the schema and the parent rows
            }
            StreamJsonParser parser = new StreamJsonParser();
            List<String> raw = new ArrayList<>();
            List<List<ConversationEntry>> entries = new ArrayList<>();
            for (byte[] line : cycle) {
                raw.add(new String(line, 0, line.length - 1, StandardCharsets.UTF_8));
                entries.add(ConversationEntries.from(parser.parse(line, 0, line.length - 1)));
            }
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA journal_mode = WAL");
                    s.execute("PRAGMA synchronous = NORMAL");
                    s.execute("PRAGMA foreign_keys = ON");
                }
                c.setAutoCommit(false);
                long t0 = System.nanoTime();
                try (PreparedStatement rawInsert = c.prepareStatement(
                        "INSERT INTO raw_events (session_id, event_json, created_at) VALUES (?, ?, ?)");
                     PreparedStatement convInsert = c.prepareStatement("""
                             INSERT INTO conversation_events (session_id, claude_session_id, sequence, event_type,
                                 created_at, role, content, tool_id, tool_name, tool_input_json, tool_result_for_id,
                                 tool_result_content, parent_tool_use_id)
                             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    // Interleaved like 50 sessions writing at once: each batch is one session's next 512 lines.
                    long[] sequence = new long[sessions];
                    for (int from = 0; from < perSession; from += BATCH) {
                        for (int s = 0; s < sessions; s++) {
                            String id = "s" + s;
                            for (int i = from; i < Math.min(perSession, from + BATCH); i++) {
                                int k = i % cycle.size();
                                long now = System.currentTimeMillis();
                                rawInsert.setString(1, id);
                                rawInsert.setString(2, raw.get(k));
                                rawInsert.setLong(3, now);
                                rawInsert.executeUpdate();
                                for (ConversationEntry e : entries.get(k)) {
                                    convInsert.setString(1, id);
                                    convInsert.setString(2, "claude-" + s);
                                    convInsert.setLong(3, ++sequence[s]);
                                    convInsert.setString(4, e.type().name().toLowerCase(Locale.ROOT));
                                    convInsert.setLong(5, now);
                                    convInsert.setString(6, e.role());
                                    convInsert.setString(7, e.content());
                                    convInsert.setString(8, e.toolId());
                                    convInsert.setString(9, e.toolName());
                                    convInsert.setString(10, e.toolInputJson());
                                    convInsert.setString(11, e.toolResultForId());
                                    convInsert.setString(12, e.type() == EntryType.TOOL_RESULT ? e.toolResultContent() : null);
                                    convInsert.setString(13, e.parentToolUseId());
                                    convInsert.executeUpdate();
                                }
                            }
                            c.commit();
                        }
                    }
                }
                long elapsed = System.nanoTime() - t0;
                long stored = count(c, "SELECT count(*) FROM raw_events");
                return stored / (elapsed / 1e9);
            }
        } finally {
            Files2.deleteTree(dir);
        }
    }

    private static List<SessionRow> insertSessions(Database db, Path dir, int sessions, Instant now, boolean processes) {
        SessionRepository repo = new SessionRepository();
        ProcessRepository procs = new ProcessRepository();
        List<SessionRow> rows = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            rows.add(SessionRow.newSession("s" + i, "r" + i, null, "bench", "", "", null, dir.toString(),
                    LaunchConfig.empty(), PermissionSettings.none(), now));
        }
        db.write(tx -> {
            for (SessionRow row : rows) {
                repo.insert(tx.connection(), row);
                if (processes) {
                    procs.insert(tx.connection(), row.id(), dir.resolve("spool").resolve(row.id()).toString(), null);
                }
            }
            return null;
        });
        return rows;
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
