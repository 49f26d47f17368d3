package io.agentd.daemon.session.api;

import static java.util.Objects.requireNonNull;

import io.agentd.daemon.error.AgentdException;
import io.agentd.daemon.rpc.MethodRegistry;
import io.agentd.store.Database;
import io.agentd.store.conversation.ConversationEventRow;
import io.agentd.store.conversation.ConversationRepository;
import io.agentd.store.session.SessionRepository;
import io.agentd.store.session.SessionRow;
import io.agentd.store.snapshot.SnapshotRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** What a session said and read: {@code getConversation} and {@code getSessionSnapshots}. */
public final class ConversationQueries {
    private final Database database;
    private final SessionRepository sessions = new SessionRepository();
    private final ConversationRepository conversations = new ConversationRepository();
    private final SnapshotRepository snapshots = new SnapshotRepository();
    private final ConversationResult.PageSizing sizing;

    public ConversationQueries(Database database) {
        this(database, ConversationResult.PageSizing.DEFAULT);
    }

    /** With pages sized otherwise than {@link ConversationResult.PageSizing#DEFAULT}: for tests. */
    ConversationQueries(Database database, ConversationResult.PageSizing sizing) {
        this.database = requireNonNull(database, "database is null");
        this.sizing = requireNonNull(sizing, "sizing is null");
    }

    /** Registers the two methods. */
    public void register(MethodRegistry registry) {
        registry.register("getConversation", ConversationParams.class, (params, context) -> conversation(params));
        registry.register("getSessionSnapshots", SessionIdParams.class, (params, context) -> snapshots(params));
    }

    /**
     * By {@code claude_session_id}: that Claude conversation's events ({@code []} for an unknown id, as
     * hld). By {@code session_id}: the whole chain of continued sessions, oldest ancestor first, because a
     * continued session's Claude conversation starts where its parent's ended. {@code after_id} and
     * {@code limit} (agentd's) select one page of it. Errors are found here, before anything is written:
     * the first page is read now, the rest while the answer is written.
     */
    public ConversationResult conversation(ConversationParams params) {
        return database.read(c -> {
            List<ConversationCursor.Extent> chain = params.claudeSessionId() != null
                    ? extents(c, claudeSession(c, params.claudeSessionId()))
                    : extents(c, lineage(c, params.sessionId()));
            ConversationCursor cursor = params.afterId() == null || chain.isEmpty()
                    ? ConversationCursor.start(chain)
                    : ConversationCursor.after(chain, params.afterId(),
                            conversations.find(c, params.afterId()).orElse(null));
            long limit = params.limit() == null ? Long.MAX_VALUE : params.limit();
            ConversationCursor.Range first = cursor.next(Math.min(sizing.firstEvents(), limit));
            List<ConversationEventRow> rows = first == null ? List.of()
                    : conversations.range(c, first.sessionId(), first.afterSequence(), first.throughSequence());
            return new ConversationResult(database, conversations, cursor, sizing, rows, limit);
        });
    }

    /** The session's file snapshots, newest first. */
    public SnapshotsResult snapshots(SessionIdParams params) {
        List<SnapshotView> views = database.read(c -> {
            if (sessions.find(c, params.sessionId()).isEmpty()) {
                throw AgentdException.notFound("failed to get session: session not found: " + params.sessionId());
            }
            return snapshots.bySession(c, params.sessionId()).stream().map(SnapshotView::from).toList();
        });
        return new SnapshotsResult(views);
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

    /**
     * Params of {@code getConversation}: one of the two ids is required; {@code claude_session_id} wins.
     * Empty strings count as absent, as in hld, and so does 0 for agentd's paging params.
     *
     * @param afterId agentd: start after the event with this id (the last {@code id} of the previous page)
     * @param limit agentd: at most this many events
     */
    public record ConversationParams(String sessionId, String claudeSessionId, Long afterId, Integer limit) {
        /** Refuses a request naming neither id, or a negative {@code after_id} or {@code limit}, with -32602. */
        public ConversationParams {
            sessionId = WireValues.text(sessionId);
            claudeSessionId = WireValues.text(claudeSessionId);
            if (sessionId == null && claudeSessionId == null) {
                throw AgentdException.invalidParams("either session_id or claude_session_id is required");
            }
            if (afterId != null && afterId < 0) {
                throw AgentdException.invalidParams("after_id must not be negative");
            }
            if (limit != null && limit < 0) {
                throw AgentdException.invalidParams("limit must not be negative");
            }
            afterId = afterId == null || afterId == 0 ? null : afterId;
            limit = limit == null || limit == 0 ? null : limit;
        }

        /** Params naming the whole conversation, as hld clients send them. */
        public ConversationParams(String sessionId, String claudeSessionId) {
            this(sessionId, claudeSessionId, null, null);
        }
    }

    /** Result of {@code getSessionSnapshots}; {@code []} when there are none. */
    public record SnapshotsResult(List<SnapshotView> snapshots) {
        public SnapshotsResult {
            snapshots = List.copyOf(snapshots);
        }
    }
}
