package io.agentd.daemon.session.api;

import static java.util.Objects.requireNonNull;

import io.agentd.daemon.error.AgentdException;
import io.agentd.daemon.rpc.MethodRegistry;
import io.agentd.daemon.rpc.NoParams;
import io.agentd.store.Database;
import io.agentd.store.denial.PermissionDenialRepository;
import io.agentd.store.session.LeafFilter;
import io.agentd.store.session.SessionRepository;
import io.agentd.store.session.SessionRow;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Read-only session methods: {@code listSessions}, {@code getSessionLeaves}, {@code getSessionState} and
 * {@code getRecentPaths}. Store failures are reported as errors; hld logs them and answers an empty list
 * for {@code listSessions}, which hides a broken database from its user.
 */
public final class SessionQueries {
    /** hld's default for an absent or non-positive {@code getRecentPaths} limit. */
    public static final int DEFAULT_RECENT_PATHS = 20;
    /** Rows per chunk handed from the reader to the connection: small enough that writing starts early. */
    private static final int HANDOFF_ROWS = 256;

    private final Database database;
    private final SessionRepository sessions = new SessionRepository();
    private final PermissionDenialRepository denials = new PermissionDenialRepository();

    public SessionQueries(Database database) {
        this.database = requireNonNull(database, "database is null");
    }

    /** Registers the four methods. */
    public void register(MethodRegistry registry) {
        registry.register("listSessions", NoParams.class, (params, context) -> listSessions());
        registry.register("getSessionLeaves", LeavesParams.class, (params, context) -> sessionLeaves(params));
        registry.register("getSessionState", SessionIdParams.class, (params, context) -> sessionState(params));
        registry.register("getRecentPaths", RecentPathsParams.class, (params, context) -> recentPaths(params));
    }

    /** Every session, most recently active first. */
    public SessionsResult listSessions() {
        return read((c, rows) -> sessions.list(c, rows::add));
    }

    /** Sessions no other session continues, filtered, most recently active first. */
    public SessionsResult sessionLeaves(LeavesParams params) {
        LeafFilter filter = LeafFilter.fromWire(params.filter());
        return read((c, rows) -> sessions.leaves(c, filter, rows::add));
    }

    /** One session's state. */
    public SessionStateResult sessionState(SessionIdParams params) {
        return database.read(c -> {
                    Optional<SessionRow> row = sessions.find(c, params.sessionId());
                    return row.isEmpty() ? Optional.<SessionStateView>empty()
                            : Optional.of(SessionStateView.from(row.get(), denials.bySession(c, row.get().id())));
                })
                .map(SessionStateResult::new)
                .orElseThrow(() -> AgentdException.notFound(
                        "failed to get session: session not found: " + params.sessionId()));
    }

    /** Working directories by most recent use. */
    public RecentPathsResult recentPaths(RecentPathsParams params) {
        int limit = params.limit() == null || params.limit() <= 0 ? DEFAULT_RECENT_PATHS : params.limit();
        return new RecentPathsResult(database.read(c -> sessions.recentPaths(c, limit)).stream()
                .map(RecentPathView::from).toList());
    }

    /** Starts the query on a reader and returns at once: the rows are written as the reader hands them over. */
    private SessionsResult read(SessionQuery query) {
        RowHandoff<SessionRow> rows = new RowHandoff<>(HANDOFF_ROWS);
        database.readAsync(c -> {
            query.run(c, rows);
            rows.finish();
            return null;
        }).exceptionally(failure -> {
            rows.fail(failure);
            return null;
        });
        return new SessionsResult(rows);
    }

    /** A session query that hands its rows over one by one. */
    @FunctionalInterface
    private interface SessionQuery {
        void run(Connection c, RowHandoff<SessionRow> rows) throws SQLException;
    }

    /**
     * Params of {@code getSessionLeaves}.
     *
     * @param filter {@code normal}, {@code archived}, {@code draft}; absent, empty or unknown means all
     */
    public record LeavesParams(String filter) {
    }

    /**
     * Params of {@code getRecentPaths}. hld fails when the request has no params at all; agentd treats
     * that as {@code {}}, like every other method.
     *
     * @param limit at most this many paths; absent or non-positive means {@value #DEFAULT_RECENT_PATHS}
     */
    public record RecentPathsParams(Integer limit) {
    }

    /** Result of {@code getSessionState}. */
    public record SessionStateResult(SessionStateView session) {
        public SessionStateResult {
            requireNonNull(session, "session is null");
        }
    }

    /** Result of {@code getRecentPaths}. */
    public record RecentPathsResult(List<RecentPathView> paths) {
        public RecentPathsResult {
            paths = List.copyOf(paths);
        }
    }
}
