package io.agentd.bench;

import io.agentd.daemon.bus.EventBus;
import io.agentd.daemon.bus.EventLog;
import io.agentd.daemon.bus.SessionEventPublisher;
import io.agentd.daemon.rpc.MethodRegistry;
import io.agentd.daemon.rpc.RpcServer;
import io.agentd.daemon.rpc.RpcServerOptions;
import io.agentd.daemon.session.api.SessionApi;
import io.agentd.store.Database;
import io.agentd.store.DatabaseOptions;
import io.agentd.store.conversation.ConversationRepository;
import io.agentd.store.conversation.EventType;
import io.agentd.store.conversation.NewConversationEvent;
import io.agentd.store.session.LaunchConfig;
import io.agentd.store.session.PermissionSettings;
import io.agentd.store.session.SessionRepository;
import io.agentd.store.session.SessionRow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reading history over the socket: {@code getConversation} of a 100,000-event session and
 * {@code listSessions} with 10,000 sessions, rows inserted through the store's repositories, answered by
 * the daemon's RpcServer and query classes in this JVM. Baseline: the bare SQL query for the same rows on a
 * plain JDBC connection, every column of every row read.
 */
final class HistoryBench {
    static final int SESSIONS = 10_000;
    static final int EVENTS = 100_000;
    private static final String BIG = "big-session";

    private HistoryBench() {
    }

    static List<Row> run(Bench.Settings settings) throws Exception {
        int repeats = settings.quick() ? 3 : 7;
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "agentd-bench-hist");
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(DatabaseOptions.defaults(dir.resolve("agentd.db")))) {
            long t0 = System.nanoTime();
            populate(db, clock.instant());
            System.err.printf(Locale.ROOT, "bench: history: %,d sessions and %,d events inserted in %.1f s%n", SESSIONS,
                    EVENTS, (System.nanoTime() - t0) / 1e9);
            MethodRegistry registry = new MethodRegistry();
            SessionApi.register(registry, db, new SessionEventPublisher(new EventLog(db, new EventBus(clock, 1024), clock)));
            double conversation;
            double list;
            long conversationBytes;
            try (RpcServer server = RpcServer.start(dir.resolve("d.sock"), registry, RpcServerOptions.defaults());
                 RawClient client = RawClient.connect(server.socketPath())) {
                byte[] getConversation = RawClient.request("getConversation", "{\"session_id\":\"" + BIG + "\"}");
                byte[] listSessions = RawClient.request("listSessions", "{}");
                String first = client.callText(RawClient.request("getConversation",
                        "{\"session_id\":\"" + BIG + "\"}")).substring(0, 200);
                if (!first.contains("\"events\"")) {
                    throw new IllegalStateException("unexpected getConversation answer: " + first);
                }
                long[] size = new long[1];
                conversation = median(repeats, () -> size[0] = client.call(getConversation));
                conversationBytes = size[0];
                list = median(repeats, () -> client.call(listSessions));
            }
            double conversationSql;
            double listSql;
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.file())) {
                median(1, () -> readAll(c, "SELECT * FROM conversation_events WHERE session_id = ? ORDER BY sequence", BIG));
                conversationSql = median(repeats,
                        () -> readAll(c, "SELECT * FROM conversation_events WHERE session_id = ? ORDER BY sequence", BIG));
                listSql = median(repeats,
                        () -> readAll(c, "SELECT * FROM sessions ORDER BY last_activity_at DESC, created_at DESC", null));
            }
            return List.of(
                    Row.cost("getConversation, 100,000 events", conversation, conversationSql, "ms", 300,
                            String.format(Locale.ROOT, "bare SELECT of the rows (JDBC); answer %.1f MB", conversationBytes / 1e6)),
                    Row.cost("listSessions, 10,000 sessions", list, listSql, "ms", 100, "bare SELECT of the rows (JDBC)"));
        } finally {
            Files2.deleteTree(dir);
        }
    }

    private static void populate(Database db, Instant now) {
        SessionRepository sessions = new SessionRepository();
        ConversationRepository conversation = new ConversationRepository();
        for (int from = 0; from < SESSIONS; from += 1_000) {
            int start = from;
            db.write(tx -> {
                for (int i = start; i < start + 1_000; i++) {
                    String id = i == 0 ? BIG : "session-" + i;
                    SessionRow row = SessionRow.newSession(id, "run-" + i, null, "please fix the failing test in module " + i,
                            "fix the failing test", "", "opus", "/home/dev/project-" + (i % 50), LaunchConfig.empty(),
                            PermissionSettings.none(), now.minusSeconds(SESSIONS - i));
                    sessions.insert(tx.connection(), row);
                }
                return null;
            });
        }
        String text = "I'll look at the failing test first, then read the module it covers and make the smallest change "
                + "that fixes it. ".repeat(2);
        for (int from = 0; from < EVENTS; from += 5_000) {
            int start = from;
            db.write(tx -> {
                for (int i = start; i < start + 5_000; i++) {
                    NewConversationEvent e = switch (i % 3) {
                        case 0 -> new NewConversationEvent(BIG, "claude-big", EventType.MESSAGE, now, "assistant", text,
                                null, null, null, null, null, null);
                        case 1 -> new NewConversationEvent(BIG, "claude-big", EventType.TOOL_CALL, now, "assistant", null,
                                "toolu_" + i, "Bash", "{\"command\":\"mvn -q test -pl core\"}", null, null, null);
                        default -> new NewConversationEvent(BIG, "claude-big", EventType.TOOL_RESULT, now, "user", null,
                                null, null, null, "toolu_" + (i - 1), "Tests run: 42, Failures: 0, Errors: 0", null);
                    };
                    conversation.append(tx.connection(), e);
                }
                return null;
            });
        }
    }

    @FunctionalInterface
    interface Timed {
        void run() throws Exception;
    }

    /** Median wall time in milliseconds over {@code n} runs. */
    static double median(int n, Timed work) throws Exception {
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms[n / 2];
    }

    private static void readAll(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            if (arg != null) {
                p.setString(1, arg);
            }
            try (ResultSet rs = p.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                List<Object> sink = new ArrayList<>(columns);
                while (rs.next()) {
                    sink.clear();
                    for (int i = 1; i <= columns; i++) {
                        sink.add(rs.getObject(i));
                    }
                }
            }
        }
    }
}
