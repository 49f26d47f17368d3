package io.agentd.daemon.session.api;

import static java.util.Objects.requireNonNull;

import io.agentd.daemon.error.AgentdException;
import java.util.List;

/**
 * The JSON-RPC shapes of {@code getConversation} and {@code getSessionSnapshots} and their mapping to
 * {@link SessionQueryService}. No rule lives here.
 */
public final class ConversationQueries {
    private final SessionQueryService service;

    public ConversationQueries(SessionQueryService service) {
        this.service = requireNonNull(service, "service is null");
    }

    /**
     * The conversation the params name (see {@link SessionQueryService#conversation}), written page by page;
     * errors are thrown before anything is written.
     */
    public ConversationResult conversation(ConversationParams params) {
        return new ConversationResult(service.conversation(new ConversationQuery(params.sessionId(),
                params.claudeSessionId(), params.afterId(), params.limit())));
    }

    /** The session's file snapshots, newest first. */
    public SnapshotsResult snapshots(SessionIdParams params) {
        return new SnapshotsResult(service.snapshots(params.sessionId()).stream().map(SnapshotView::from).toList());
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
