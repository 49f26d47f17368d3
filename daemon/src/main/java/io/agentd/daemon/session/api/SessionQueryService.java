package io.agentd.daemon.session.api;

import static java.util.Objects.requireNonNull;

import io.agentd.daemon.error.AgentdException;
import io.agentd.store.Database;
import io.agentd.store.conversation.ConversationEventRow;
import io.agentd.store.conversation.ConversationRepository;
import io.agentd.store.denial.PermissionDenialRepository;
import io.agentd.store.denial.PermissionDenialRow;
import io.agentd.store.session.LeafFilter;
import io.agentd.store.session.RecentPath;
import io.agentd.store.session.SessionRepository;
import io.agentd.store.session.SessionRow;
import io.agentd.store.snapshot.FileSnapshotRow;
import io.agentd.store.snapshot.SnapshotRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The read-only use cases of sessions: lists, one session's state, its conversation, its file snapshots,
 * the recent working directories. Large answers come as a {@link RowStream} or {@link ConversationPages},
 * which a transport sends while the store still reads. Store failures are thrown, never hidden: hld logs
 * them and answers an empty list for {@code listSessions}, which hides a broken database from its user.
 */
public final class SessionQueryService {
    /** hld's default for an absent or non-positive recent paths limit. */
    public static final int DEFAULT_RECENT_PATHS = 20;
    /** Rows per chunk handed from the reader to the transport: small enough that sending starts early. */
    private static final int HANDOFF_ROWS = 256;

    private final Database database;
    private final ConversationPages.PageSizing sizing;
    private final SessionRepository sessions = new SessionRepository();
    private final ConversationRepository conversations = new ConversationRepository();
    private final SnapshotRepository snapshots = new SnapshotRepository();
    private final PermissionDenialRepository denials = new PermissionDenialRepository();

    public SessionQueryService(Database database) {
        this(database, ConversationPages.PageSizing.DEFAULT);
    }

    /** With pages sized otherwise than {@link ConversationPages.PageSizing#DEFAULT}: for tests. */
    SessionQueryService(Database database, ConversationPages.PageSizing sizing) {
        this.database = requireNonNull(database, "database is null");
        this.sizing = requireNonNull(sizing, "sizing is null");
    }

    /** Every session, most recently active first. */
    public RowStream<SessionRow> list() {
        return stream((c, rows) -> sessions.list(c, rows::add));
    }

    /** Sessions no other session continues, filtered, most recently active first. */
    public RowStream<SessionRow> leaves(LeafFilter filter) {
        requireNonNull(filter, "filter is null");
        return stream((c, rows) -> sessions.leaves(c, filter, rows::add));
    }

    /** One session. */
    public SessionRow state(String sessionId) {
        return database.read(c -> sessions.find(c, sessionId))
                .orElseThrow(() -> AgentdException.notFound("failed to get session: session not found: " + sessionId));
    }

    /** One session with the tools Claude refused in it, read together. */
    public SessionDetail detail(String sessionId) {
        return database.read(c -> {
                    Optional<SessionRow> row = sessions.find(c, sessionId);
                    return row.isEmpty() ? Optional.<SessionDetail>empty()
                            : Optional.of(new SessionDetail(row.get(), denials.bySession(c, sessionId)));
                })
                .orElseThrow(() -> AgentdException.notFound("failed to get session: session not found: " + sessionId));
    }

    /**
     * A session and the tool calls Claude refused on its own (from its last result's
     * {@code permission_denials}), in Claude's order.
     */
    public record SessionDetail(SessionRow row, List<PermissionDenialRow> denials) {
        public SessionDetail {
            requireNonNull(row, "row is null");
            denials = List.copyOf(denials);
        }
    }

    /** Working directories by most recent use; a limit that is absent or not positive means {@value #DEFAULT_RECENT_PATHS}. */
    public List<RecentPath> recentPaths(Integer limit) {
        int n = limit == null || limit <= 0 ? DEFAULT_RECENT_PATHS : limit;
        return database.read(c -> sessions.recentPaths(c, n));
    }

    /**
     * By Claude session id: that Claude conversation's events (none for an unknown id, as hld). By session
     * id: the whole chain of continued sessions, oldest ancestor first, because a continued session's Claude
     * conversation starts where its parent's ended. Errors are found here, before anything is sent: the
     * first page is read now, the rest while the pages before it are sent.
     */
    public ConversationPages conversation(ConversationQuery query) {
        return database.read(c -> {
            List<ConversationCursor.Extent> chain = query.claudeSessionId() != null
                    ? extents(c, claudeSession(c, query.claudeSessionId()))
                    : extents(c, lineage(c, query.sessionId()));
            ConversationCursor cursor = query.afterId() == null || chain.isEmpty()
                    ? ConversationCursor.start(chain)
                    : ConversationCursor.after(chain, query.afterId(),
                            conversations.find(c, query.afterId()).orElse(null));
            long limit = query.limit() == null ? Long.MAX_VALUE : query.limit();
            ConversationCursor.Range first = cursor.next(Math.min(sizing.firstEvents(), limit));
            List<ConversationEventRow> rows = first == null ? List.of()
                    : conversations.range(c, first.sessionId(), first.afterSequence(), first.throughSequence());
            return new ConversationPages(database, conversations, cursor, sizing, rows, limit);
        });
    }

    /** The session's file snapshots, newest first. */
    public List<FileSnapshotRow> snapshots(String sessionId) {
        return database.read(c -> {
            if (sessions.find(c, sessionId).isEmpty()) {
                throw AgentdException.notFound("failed to get session: session not found: " + sessionId);
            }
            return snapshots.bySession(c, sessionId);
        });
    }

    /** Starts the query on a reader and returns at once: the rows are taken as the reader hands them over. */
    private RowStream<SessionRow> stream(SessionQuery query) {
        RowHandoff<SessionRow> rows = new RowHandoff<>(HANDOFF_ROWS);
        database.readAsync(c -> {
            query.run(c, rows);
            rows.finish();
            return null;
        }).exceptionally(failure -> {
            rows.fail(failure);
            return null;
        });
        return rows;
    }

    private List<ConversationCursor.Extent> extents(Connection c, List<String> sessionIds) throws SQLException {
        List<ConversationCursor.Extent> extents = new ArrayList<>();
        for (String id : sessionIds) {
            extents.add(new ConversationCursor.Extent(id, conversations.lastSequence(c, id)));
        }
        return extents;
    }

    private List<String> claudeSession(Connection c, String claudeSessionId) throws SQLException {
        return sessions.findByClaudeSessionId(c, claudeSessionId).map(s -> List.of(s.id())).orElse(List.of());
    }

    private List<String> lineage(Connection c, String sessionId) throws SQLException {
        List<SessionRow> chain = sessions.lineage(c, sessionId);
        if (chain.isEmpty()) {
            throw AgentdException.notFound("failed to get conversation: session not found: " + sessionId);
        }
        return chain.stream().map(SessionRow::id).toList();
    }

    /** A session query that hands its rows over one by one. */
    @FunctionalInterface
    private interface SessionQuery {
        void run(Connection c, RowHandoff<SessionRow> rows) throws SQLException;
    }
}
