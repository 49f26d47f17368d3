package io.agentd.daemon.session.api;

import static java.util.Objects.requireNonNull;

import io.agentd.daemon.error.AgentdException;
import io.agentd.daemon.rpc.MethodRegistry;
import io.agentd.daemon.rpc.NoParams;
import io.agentd.store.Database;
import io.agentd.store.session.LeafFilter;
import io.agentd.store.session.SessionRepository;
import java.util.List;

/**
 * Read-only session methods: {@code listSessions}, {@code getSessionLeaves}, {@code getSessionState} and
 * {@code getRecentPaths}. Store failures are reported as errors; hld logs them and answers an empty list
 * for {@code listSessions}, which hides a broken database from its user.
 */
public final class SessionQueries {
    /** hld's default for an absent or non-positive {@code getRecentPaths} limit. */
    public static final int DEFAULT_RECENT_PATHS = 20;

    private final Database database;
    private final SessionRepository sessions = new SessionRepository();

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
        return new SessionsResult(database.read(c -> sessions.list(c)).stream().map(SessionInfo::from).toList());
    }

    /** Sessions no other session continues, filtered, most recently active first. */
    public SessionsResult sessionLeaves(LeavesParams params) {
        LeafFilter filter = LeafFilter.fromWire(params.filter());
        return new SessionsResult(database.read(c -> sessions.leaves(c, filter)).stream().map(SessionInfo::from)
                .toList());
    }

    /** One session's state. */
    public SessionStateResult sessionState(SessionIdParams params) {
        return database.read(c -> sessions.find(c, params.sessionId()))
                .map(row -> new SessionStateResult(SessionStateView.from(row)))
                .orElseThrow(() -> AgentdException.notFound(
                        "failed to get session: session not found: " + params.sessionId()));
    }

    /** Working directories by most recent use. */
    public RecentPathsResult recentPaths(RecentPathsParams params) {
        int limit = params.limit() == null || params.limit() <= 0 ? DEFAULT_RECENT_PATHS : params.limit();
        return new RecentPathsResult(database.read(c -> sessions.recentPaths(c, limit)).stream()
                .map(RecentPathView::from).toList());
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

    /** Result of {@code listSessions} and {@code getSessionLeaves}; {@code []} when there are none. */
    public record SessionsResult(List<SessionInfo> sessions) {
        public SessionsResult {
            sessions = List.copyOf(sessions);
        }
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
