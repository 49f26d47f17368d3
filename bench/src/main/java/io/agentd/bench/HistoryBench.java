package io.agentd.bench;

import io.agentd.daemon.bus.EventBus;
import io.agentd.daemon.bus.EventLog;
import io.agentd.daemon.bus.SessionEventPublisher;
import io.agentd.daemon.rpc.MethodRegistry;
import io.agentd.daemon.rpc.RpcServer;
import io.agentd.daemon.rpc.RpcServerOptions;
import io.agentd.daemon.rpc.methods.SessionRpcBindings;
import io.agentd.daemon.session.api.SessionQueryService;
import io.agentd.daemon.session.api.SessionService;
import io.agentd.store.Database;
import io.agentd.store.DatabaseOptions;
import io.agentd.store.conversation.ConversationRepository;
import io.agentd.store.jdbc.Sql;
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
 * the daemon's RpcServer and query classes in this JVM, and one page of the conversation through agentd's
 * {@code after_id} and {@code limit}. Baseline: the bare SQL query for the same rows on a plain JDBC
 * connection, every column of every row read. Both sides are measured after a few unmeasured runs.
 */
final class HistoryBench {
    static final int SESSIONS = 10_000;
    static final int EVENTS = 100_000;
    private static final int PAGE = 1_000;
    private static final int PAGE_AFTER = 50_000;
    private static final int PAGE_RUNS = 51;
    private static final String BIG = "big-session";

    private HistoryBench() {
    }

    static List<Row> run(Bench.Settings settings) throws Exception {
        int repeats = settings.quick() ? 3 : 7;
        // The daemon runs for days: measure it warmed up (the JIT needs a few calls of each path), baselines too.
        int warmups = settings.quick() ? 3 : 5;
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "agentd-bench-hist");
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(DatabaseOptions.defaults(dir.resolve("agentd.db")))) {
            long t0 = System.nanoTime();
            populate(db, clock.instant());
            System.err.printf(Locale.ROOT, "bench: history: %,d sessions and %,d events inserted in %.1f s%n", SESSIONS,
                    EVENTS, (System.nanoTime() - t0) / 1e9);
            long pageAfterId = db.read(c -> Sql.count(c,
                    "SELECT id FROM conversation_events WHERE session_id = ? AND sequence = ?", BIG, PAGE_AFTER));
            MethodRegistry registry = new MethodRegistry();
            new SessionRpcBindings(SessionService.storeOnly(db, new SessionEventPublisher(new EventLog(db,
                    new EventBus(clock, 1024), clock)), clock), new SessionQueryService(db)).registerStoreMethods(registry);
            double conversation;
            double page;
            double list;
            long conversationBytes;
            long listBytes;
            try (RpcServer server = RpcServer.start(dir.resolve("d.sock"), registry, RpcServerOptions.defaults());
                 RawClient client = RawClient.connect(server.socketPath())) {
                byte[] getConversation = RawClient.request("getConversation", "{\"session_id\":\"" + BIG + "\"}");
                byte[] getPage = RawClient.request("getConversation", "{\"session_id\":\"" + BIG + "\",\"after_id\":"
                        + pageAfterId + ",\"limit\":" + PAGE + "}");
                byte[] listSessions = RawClient.request("listSessions", "{}");
                check(client.callText(getConversation), "{\"jsonrpc\":\"2.0\",\"result\":{\"events\":[", EVENTS);
                check(client.callText(getPage), "{\"jsonrpc\":\"2.0\",\"result\":{\"events\":[", PAGE);
                check(client.callText(listSessions), "{\"jsonrpc\":\"2.0\",\"result\":{\"sessions\":[", SESSIONS);
                long[] size = new long[1];
                conversation = median(warmups, repeats, () -> size[0] = client.call(getConversation));
                conversationBytes = size[0];
                page = median(PAGE_RUNS, PAGE_RUNS, () -> client.call(getPage));
                list = median(warmups, repeats, () -> size[0] = client.call(listSessions));
                listBytes = size[0];
            }
            double conversationSql;
            double pageSql;
            double listSql;
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.file())) {
                String all = "SELECT * FROM conversation_events WHERE session_id = ? ORDER BY sequence";
                conversationSql = median(warmups, repeats, () -> readAll(c, all, BIG));
                String onePage = "SELECT * FROM conversation_events WHERE session_id = ? AND sequence > ?"
                        + " ORDER BY sequence LIMIT " + PAGE;
                pageSql = median(PAGE_RUNS, PAGE_RUNS, () -> readAll(c, onePage, BIG, PAGE_AFTER));
                String sessions = "SELECT * FROM sessions ORDER BY last_activity_at DESC, created_at DESC";
                listSql = median(warmups, repeats, () -> readAll(c, sessions));
            }
            return List.of(
                    Row.cost("getConversation, 100,000 events", conversation, conversationSql, "ms", 300,
                            String.format(Locale.ROOT, "bare SELECT of the rows (JDBC); answer %.1f MB", conversationBytes / 1e6)),
                    Row.cost("getConversation, a page of 1,000 (limit)", page, pageSql, "ms", 0,
                            "bare SELECT of the page's rows (JDBC), from event 50,000"),
                    Row.cost("listSessions, 10,000 sessions", list, listSql, "ms", 100,
                            String.format(Locale.ROOT, "bare SELECT of the rows (JDBC); answer %.1f MB", listBytes / 1e6)));
        } finally {
            Files2.deleteTree(dir);
        }
    }

    /** Fails the bench unless the answer starts as expected and holds {@code count} elements. */
    private static void check(String answer, String prefix, int count) {
        int ids = answer.split("\\{\"id\":", -1).length - 1;
        if (!answer.startsWith(prefix) || ids != count) {
            throw new IllegalStateException("unexpected answer (" + ids + " elements): "
                    + answer.substring(0, Math.min(200, answer.length())));
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
                        case 0 -> NewConversationEvent.message(BIG, "claude-big", now, "assistant", text);
                        case 1 -> NewConversationEvent.toolCall(BIG, "claude-big", now, "toolu_" + i, "Bash",
                                "{\"command\":\"mvn -q test -pl core\"}", null);
                        default -> NewConversationEvent.toolResult(BIG, "claude-big", now, "toolu_" + (i - 1),
                                "Tests run: 42, Failures: 0, Errors: 0");
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
        return median(0, n, work);
    }

    /** Median wall time in milliseconds over {@code n} runs, after {@code warmups} unmeasured ones. */
    static double median(int warmups, int n, Timed work) throws Exception {
        for (int i = 0; i < warmups; i++) {
            work.run();
        }
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms[n / 2];
    }

    private static void readAll(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                p.setObject(i + 1, args[i]);
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
