package io.agentd.daemon.session;

import io.agentd.store.Tx;
import io.agentd.store.conversation.ConversationEventRow;
import io.agentd.store.session.SessionRow;
import io.agentd.store.session.SessionStatus;
import io.agentd.store.session.TokenCounts;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what it is told, one readable line per change, for tests. */
public final class RecordingSessionEvents implements SessionEvents {
    private final List<String> changes = new CopyOnWriteArrayList<>();

    public List<String> changes() {
        return changes;
    }

    @Override
    public void statusChanged(Tx tx, SessionRow session, SessionStatus from, SessionStatus to) {
        changes.add("status " + session.id() + " " + from.wireName() + " " + to.wireName());
    }

    @Override
    public void conversationAppended(Tx tx, String runId, List<ConversationEventRow> events) {
        for (ConversationEventRow event : events) {
            changes.add("conversation " + event.sessionId() + " " + event.eventType().wireName());
        }
    }

    @Override
    public void tokensUpdated(Tx tx, String sessionId, String runId, SessionStatus status, TokenCounts tokens) {
        changes.add("tokens " + sessionId);
    }

    @Override
    public void titleChanged(Tx tx, SessionRow session) {
        changes.add("title " + session.id() + " " + session.title());
    }

    @Override
    public void archivedChanged(Tx tx, SessionRow session) {
        changes.add("archived " + session.id() + " " + session.archived());
    }

    @Override
    public void settingsChanged(Tx tx, SessionRow session, SettingsChange change) {
        changes.add("settings " + session.id());
    }
}
