package io.agentd.daemon.session;

import io.agentd.store.Tx;
import io.agentd.store.session.SessionOutcome;
import io.agentd.store.session.SessionRepository;
import io.agentd.store.session.SessionRow;
import io.agentd.store.session.SessionStatus;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The one place session statuses change. Each change is a compare-and-set inside the caller's
 * transaction, and is told to {@link SessionEvents} in that transaction, so nothing can change a
 * status without it being published.
 */
public final class SessionTransitions {
    private final SessionRepository sessions;
    private final SessionEvents events;
    private final Clock clock;
    private final SessionEndListener endListener;

    /** Tells {@code endListener}, inside the ending transaction, about every session that becomes terminal. */
    public SessionTransitions(SessionRepository sessions, SessionEvents events, Clock clock, SessionEndListener endListener) {
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.events = requireNonNull(events, "events is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.endListener = requireNonNull(endListener, "endListener is null");
    }

    public SessionTransitions(SessionRepository sessions, SessionEvents events, Clock clock) {
        this(sessions, events, clock, SessionEndListener.NONE);
    }

    /** Moves the session to {@code to} if it is in one of {@code from}; returns the new row if it moved. */
    public Optional<SessionRow> move(Tx tx, String sessionId, Collection<SessionStatus> from, SessionStatus to)
            throws SQLException {
        Optional<SessionRow> before = sessions.find(tx.connection(), sessionId);
        if (before.isEmpty() || !from.contains(before.get().status())) {
            return Optional.empty();
        }
        sessions.transition(tx.connection(), sessionId, from, to, clock.instant());
        return announce(tx, sessionId, before.get().status(), to);
    }

    /** Ends the session in a terminal status with its outcome, from whatever non-terminal status it has. */
    public Optional<SessionRow> finish(Tx tx, String sessionId, SessionStatus to, SessionOutcome outcome)
            throws SQLException {
        Optional<SessionRow> before = sessions.find(tx.connection(), sessionId);
        if (before.isEmpty() || before.get().status().isTerminal()) {
            return Optional.empty();
        }
        sessions.finish(tx.connection(), sessionId, to, outcome, clock.instant());
        Optional<SessionRow> after = announce(tx, sessionId, before.get().status(), to);
        if (after.isPresent()) {
            endListener.sessionEnded(tx, after.get());
        }
        return after;
    }

    private Optional<SessionRow> announce(Tx tx, String sessionId, SessionStatus from, SessionStatus to)
            throws SQLException {
        Optional<SessionRow> after = sessions.find(tx.connection(), sessionId);
        if (after.isPresent()) {
            events.statusChanged(tx, after.get(), from, to);
        }
        return after;
    }
}
