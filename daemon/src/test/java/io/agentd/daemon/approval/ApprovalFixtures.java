package io.agentd.daemon.approval;

import io.agentd.daemon.session.RecordingSessionEvents;
import io.agentd.daemon.session.SessionTransitions;
import io.agentd.store.Database;
import io.agentd.store.Tx;
import io.agentd.store.approval.ApprovalRepository;
import io.agentd.store.approval.ApprovalRow;
import io.agentd.store.conversation.ConversationEventRow;
import io.agentd.store.conversation.ConversationRepository;
import io.agentd.store.conversation.NewConversationEvent;
import io.agentd.store.session.LaunchConfig;
import io.agentd.store.session.PermissionSettings;
import io.agentd.store.session.SessionOutcome;
import io.agentd.store.session.SessionRepository;
import io.agentd.store.session.SessionRow;
import io.agentd.store.session.SessionStatus;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A temp database with sessions, and an approval service whose events are recorded as readable lines. */
final class ApprovalFixtures {
    static final Instant NOW = Instant.parse("2026-11-22T04:30:22.120Z");

    final Database database;
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final RecordingSessionEvents sessionEvents = new RecordingSessionEvents();
    final RecordingApprovalEvents approvalEvents = new RecordingApprovalEvents(sessionEvents.changes());
    final SessionTransitions transitions;
    final ApprovalService service;

    ApprovalFixtures(Database database) {
        this.database = database;
        this.transitions = new SessionTransitions(new SessionRepository(), sessionEvents, clock,
                new ApprovalExpiry(approvalEvents, clock));
        this.service = new ApprovalService(database, transitions, new BypassExpiry(new SessionRepository(), sessionEvents,
                clock), approvalEvents, clock);
    }

    /** Every change told to either listener, in order. */
    List<String> changes() {
        return sessionEvents.changes();
    }

    SessionRow session(String id, PermissionSettings permissions) {
        SessionRow row = new SessionRow(id, "run-" + id, "claude-" + id, null, SessionStatus.RUNNING, "q", "q", null, null,
                null, "/tmp", LaunchConfig.empty(), NOW, NOW, null, null, null, permissions, false, null, null);
        database.write(tx -> {
            new SessionRepository().insert(tx.connection(), row);
            return null;
        });
        return row;
    }

    SessionRow session(String id) {
        return session(id, PermissionSettings.none());
    }

    SessionRow find(String id) {
        return database.read(c -> new SessionRepository().find(c, id)).orElseThrow();
    }

    ApprovalRow approval(String id) {
        return database.read(c -> new ApprovalRepository().find(c, id)).orElseThrow();
    }

    void toolCall(String sessionId, String toolId, String toolName) {
        database.write(tx -> new ConversationRepository().append(tx.connection(), NewConversationEvent.toolCall(sessionId,
                "claude-" + sessionId, NOW, toolId, toolName, "{}", null)));
    }

    ConversationEventRow storedToolCall(String sessionId, String toolId) {
        return database.read(c -> new ConversationRepository().findToolCall(c, sessionId, toolId)).orElseThrow();
    }

    ApprovalRow create(String sessionId, String toolName, String toolUseId) {
        return service.create(new ApprovalService.NewApproval(sessionId, toolName, "{\"file_path\":\"a.txt\"}", toolUseId));
    }

    void end(String sessionId) {
        database.write(tx -> transitions.finish(tx, sessionId, SessionStatus.COMPLETED, SessionOutcome.none()));
    }

    /** Records approval events into the same list as the session events, so their order shows. */
    static final class RecordingApprovalEvents implements ApprovalEvents {
        private final List<String> changes;

        RecordingApprovalEvents(List<String> changes) {
            this.changes = changes;
        }

        RecordingApprovalEvents() {
            this(new CopyOnWriteArrayList<>());
        }

        @Override
        public void created(Tx tx, ApprovalRow a) {
            changes.add("new_approval " + a.toolName() + " " + a.status().wireName());
        }

        @Override
        public void resolved(Tx tx, ApprovalRow a) {
            changes.add("approval_resolved " + a.status().wireName() + " " + a.decidedBy() + " " + a.comment());
        }
    }
}
