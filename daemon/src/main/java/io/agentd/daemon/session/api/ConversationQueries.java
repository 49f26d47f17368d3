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
import java.util.List;
import java.util.Optional;

/** What a session said and read: {@code getConversation} and {@code getSessionSnapshots}. */
public final class ConversationQueries {
    private final Database database;
    private final SessionRepository sessions = new SessionRepository();
    private final ConversationRepository conversations = new ConversationRepository();
    private final SnapshotRepository snapshots = new SnapshotRepository();

    public ConversationQueries(Database database) {
        this.database = requireNonNull(database, "database is null");
    }

    /** Registers the two methods. */
    public void register(MethodRegistry registry) {
        registry.register("getConversation", ConversationParams.class, (params, context) -> conversation(params));
        registry.register("getSessionSnapshots", SessionIdParams.class, (params, context) -> snapshots(params));
    }

    /**
     * By {@code claude_session_id}: that Claude conversation's events ({@code []} for an unknown id, as
     * hld). By {@code session_id}: the whole chain of continued sessions, oldest ancestor first, because a
     * continued session's Claude conversation starts where its parent's ended.
     */
    public ConversationResult conversation(ConversationParams params) {
        List<ConversationEventRow> events = database.read(c -> params.claudeSessionId() != null
                ? byClaudeSession(c, params.claudeSessionId())
                : byLineage(c, params.sessionId()));
        return new ConversationResult(events.stream().map(ConversationEventView::from).toList());
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

    private List<ConversationEventRow> byClaudeSession(Connection c, String claudeSessionId) throws SQLException {
        Optional<SessionRow> session = sessions.findByClaudeSessionId(c, claudeSessionId);
        return session.isEmpty() ? List.of() : conversations.bySession(c, session.get().id());
    }

    private List<ConversationEventRow> byLineage(Connection c, String sessionId) throws SQLException {
        List<SessionRow> chain = sessions.lineage(c, sessionId);
        if (chain.isEmpty()) {
            throw AgentdException.notFound("failed to get conversation: session not found: " + sessionId);
        }
        return conversations.bySessions(c, chain.stream().map(SessionRow::id).toList());
    }

    /**
     * Params of {@code getConversation}: one of the two ids is required; {@code claude_session_id} wins.
     * Empty strings count as absent, as in hld.
     */
    public record ConversationParams(String sessionId, String claudeSessionId) {
        /** Refuses a request naming neither id with -32602. */
        public ConversationParams {
            sessionId = WireValues.text(sessionId);
            claudeSessionId = WireValues.text(claudeSessionId);
            if (sessionId == null && claudeSessionId == null) {
                throw AgentdException.invalidParams("either session_id or claude_session_id is required");
            }
        }
    }

    /** Result of {@code getConversation}; {@code []} when there are no events. */
    public record ConversationResult(List<ConversationEventView> events) {
        public ConversationResult {
            events = List.copyOf(events);
        }
    }

    /** Result of {@code getSessionSnapshots}; {@code []} when there are none. */
    public record SnapshotsResult(List<SnapshotView> snapshots) {
        public SnapshotsResult {
            snapshots = List.copyOf(snapshots);
        }
    }
}
