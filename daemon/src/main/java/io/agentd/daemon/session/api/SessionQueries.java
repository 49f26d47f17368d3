package io.agentd.daemon.session.api;

import static java.util.Objects.requireNonNull;

import io.agentd.protocol.session.SessionState;
import io.agentd.store.session.LeafFilter;
import java.util.List;

/**
 * The JSON-RPC shapes of the read-only session methods ({@code listSessions}, {@code getSessionLeaves},
 * {@code getSessionState}, {@code getRecentPaths}) and their mapping to {@link SessionQueryService}: params
 * in, service results out as hld's wire records. No rule lives here.
 */
public final class SessionQueries {
    /** hld's default for an absent or non-positive {@code getRecentPaths} limit. */
    public static final int DEFAULT_RECENT_PATHS = SessionQueryService.DEFAULT_RECENT_PATHS;

    private final SessionQueryService service;

    public SessionQueries(SessionQueryService service) {
        this.service = requireNonNull(service, "service is null");
    }

    /** Every session, most recently active first, written while the store reads them. */
    public SessionsResult listSessions() {
        return new SessionsResult(service.list());
    }

    /** Sessions no other session continues, filtered, most recently active first. */
    public SessionsResult sessionLeaves(LeavesParams params) {
        return new SessionsResult(service.leaves(LeafFilter.fromWire(params.filter())));
    }

    /** One session's state. */
    public SessionStateResult sessionState(SessionIdParams params) {
        SessionQueryService.SessionDetail d = service.detail(params.sessionId());
        return new SessionStateResult(SessionWire.state(d.row(), d.denials()));
    }

    /** Working directories by most recent use. */
    public RecentPathsResult recentPaths(RecentPathsParams params) {
        return new RecentPathsResult(service.recentPaths(params.limit()).stream().map(RecentPathView::from).toList());
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
    public record SessionStateResult(SessionState session) {
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
