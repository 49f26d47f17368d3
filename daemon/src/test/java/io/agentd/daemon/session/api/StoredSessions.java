package io.agentd.daemon.session.api;

import io.agentd.daemon.json.JsonMappers;
import io.agentd.store.Database;
import io.agentd.store.conversation.ConversationRepository;
import io.agentd.store.conversation.NewConversationEvent;
import io.agentd.store.session.LaunchConfig;
import io.agentd.store.session.PermissionSettings;
import io.agentd.store.session.ProxySettings;
import io.agentd.store.session.SessionOutcome;
import io.agentd.store.session.SessionRepository;
import io.agentd.store.session.SessionRow;
import io.agentd.store.session.SessionStatus;
import io.agentd.store.session.TokenCounts;
import io.agentd.store.snapshot.FileSnapshotRow;
import io.agentd.store.snapshot.SnapshotRepository;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** Writes fixture rows into a test database and renders results as the wire would. */
final class StoredSessions {
    static final Instant T0 = Instant.parse("2026-11-22T04:30:22.120Z");

    private final Database database;

    StoredSessions(Database database) {
        this.database = database;
    }

    /** A bare session: status running, no outcome, no tokens. */
    static SessionRow bare(String id, String parentId, Instant at) {
        return new SessionRow(id, "run-" + id, null, parentId, SessionStatus.RUNNING, "query " + id, "summary " + id,
                null, null, null, null, LaunchConfig.empty(), at, at, null, null, null, null, false, null, null);
    }

    /** A finished session with every optional field set. */
    static SessionRow full(String id) {
        return new SessionRow(id, "run-" + id, "claude-" + id, null, SessionStatus.FAILED, "do it", "do it", "Title",
                "opus", "claude-opus-4", "/projects/app", LaunchConfig.empty(), T0, T0.plusSeconds(60),
                T0.plusSeconds(61), new SessionOutcome(0.25, 61_000L, 40_000L, 3, "done", "boom"),
                new TokenCounts(10L, 20L, 30L, 40L, 100L, 200_000L),
                new PermissionSettings(true, true, T0.plusSeconds(3600), 3_600_000L), true,
                new ProxySettings(true, "http://proxy", "m", "secret-key"), "{}");
    }

    static SessionRow withWorkingDir(String id, String dir, Instant at) {
        SessionRow b = bare(id, null, at);
        return new SessionRow(b.id(), b.runId(), null, null, b.status(), b.query(), b.summary(), null, null, null, dir,
                b.config(), at, at, null, null, null, null, false, null, null);
    }

    static SessionRow withStatus(String id, SessionStatus status, boolean archived, String parentId, Instant at) {
        SessionRow b = bare(id, parentId, at);
        return new SessionRow(b.id(), b.runId(), "claude-" + id, parentId, status, b.query(), b.summary(), null, null,
                null, null, b.config(), at, at, null, null, null, null, archived, null, null);
    }

    SessionRow insert(SessionRow row) {
        database.write(tx -> {
            new SessionRepository().insert(tx.connection(), row);
            return null;
        });
        return row;
    }

    void message(String sessionId, String claudeSessionId, String role, String content, Instant at) {
        database.write(tx -> new ConversationRepository().append(tx.connection(), NewConversationEvent.message(sessionId,
                claudeSessionId, at, role, content)));
    }

    void toolCall(String sessionId, String toolId, String inputJson, Instant at) {
        database.write(tx -> new ConversationRepository().append(tx.connection(), NewConversationEvent.toolCall(sessionId,
                "claude-" + sessionId, at, toolId, "Read", inputJson, "parent-tool")));
    }

    void snapshot(String sessionId, String toolId, String path, Instant at) {
        database.write(tx -> {
            new SnapshotRepository().insert(tx.connection(), new FileSnapshotRow(toolId, sessionId, path, "text", at));
            return null;
        });
    }

    static JsonNode json(Object result) {
        return JsonMappers.daemon().valueToTree(result);
    }
}
