package io.agentd.daemon.bus;

import io.agentd.daemon.session.SessionEvents;
import io.agentd.store.Tx;
import io.agentd.store.conversation.ConversationEventRow;
import io.agentd.store.session.SessionRow;
import io.agentd.store.session.SessionStatus;
import io.agentd.store.session.TokenCounts;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Turns session changes into bus events (hld's payloads, see {@link EventPayloads}). Beyond hld, every event
 * of a session carries its {@code run_id}, and transitions hld leaves silent (failed, waiting_input, back to
 * running, orphans, archive) are published too. This class decides which facts an event carries; the
 * payload's shape is {@link EventPayloads}'s.
 */
public final class SessionEventPublisher implements SessionEvents {
    private final EventLog log;

    public SessionEventPublisher(EventLog log) {
        this.log = requireNonNull(log, "log is null");
    }

    @Override
    public void statusChanged(Tx tx, SessionRow s, SessionStatus from, SessionStatus to) throws SQLException {
        // hld names the parent only when a continued session starts, and the error only when it fails.
        String parent = from == SessionStatus.STARTING ? s.parentSessionId() : null;
        String error = to == SessionStatus.FAILED ? s.outcome().errorMessage() : null;
        log.publish(tx, new BusEvent.StatusChanged(s.id(), s.runId(), from, to, parent, error));
    }

    @Override
    public void conversationAppended(Tx tx, String runId, List<ConversationEventRow> events) throws SQLException {
        List<BusEvent> batch = new ArrayList<>(events.size());
        for (ConversationEventRow e : events) {
            batch.add(new BusEvent.ConversationUpdated(runId, e));
        }
        log.publishAll(tx, batch);
    }

    @Override
    public void tokensUpdated(Tx tx, String sessionId, String runId, SessionStatus status, TokenCounts tokens)
            throws SQLException {
        log.publish(tx, new BusEvent.TokensUpdated(sessionId, runId, status, tokens.inputTokens(), tokens.outputTokens(),
                tokens.effectiveContextTokens()));
    }

    @Override
    public void titleChanged(Tx tx, SessionRow s) throws SQLException {
        log.publish(tx, new BusEvent.TitleChanged(s.id(), s.runId(), s.title()));
    }

    @Override
    public void archivedChanged(Tx tx, SessionRow s) throws SQLException {
        log.publish(tx, new BusEvent.ArchivedChanged(s.id(), s.runId(), s.archived()));
    }

    @Override
    public void settingsChanged(Tx tx, SessionRow s, SettingsChange change) throws SQLException {
        log.publish(tx, new BusEvent.SettingsChanged(s.id(), s.runId(), change.reason(), change.autoAcceptEdits(),
                change.dangerouslySkipPermissions(), change.bypassTimeoutMs(), change.expiredAt()));
    }
}
