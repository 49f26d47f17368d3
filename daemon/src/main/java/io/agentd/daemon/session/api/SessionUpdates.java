package io.agentd.daemon.session.api;

import static java.util.Objects.requireNonNull;

import io.agentd.daemon.error.AgentdException;
import io.agentd.daemon.session.SessionEvents;
import io.agentd.daemon.rpc.MethodRegistry;
import io.agentd.store.Database;
import io.agentd.store.Tx;
import io.agentd.store.session.SessionRepository;
import io.agentd.store.session.SessionRow;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * User edits of a session that need no running process: {@code archiveSession},
 * {@code bulkArchiveSessions} and {@code updateSessionTitle}. Each change is told to
 * {@link io.agentd.daemon.session.SessionEvents} inside the transaction that makes it.
 */
public final class SessionUpdates {
    private final Database database;
    private final SessionEvents events;
    private final SessionRepository sessions = new SessionRepository();

    public SessionUpdates(Database database, SessionEvents events) {
        this.database = requireNonNull(database, "database is null");
        this.events = requireNonNull(events, "events is null");
    }

    /** Registers the three methods. */
    public void register(MethodRegistry registry) {
        registry.register("archiveSession", ArchiveParams.class, (params, context) -> archive(params));
        registry.register("bulkArchiveSessions", BulkArchiveParams.class, (params, context) -> bulkArchive(params));
        registry.register("updateSessionTitle", TitleParams.class, (params, context) -> updateTitle(params));
    }

    /** Sets or clears one session's archived flag. */
    public SuccessResult archive(ArchiveParams params) {
        database.write(tx -> {
            if (!setArchived(tx, params.sessionId(), params.archived())) {
                throw AgentdException.notFound(
                        "failed to archive session: session not found: " + params.sessionId());
            }
            return null;
        });
        return SuccessResult.OK;
    }

    /**
     * Sets or clears the archived flag of several sessions in one transaction. Unknown ids do not undo the
     * others; they are listed in the result, whose {@code success} is then false.
     */
    public BulkArchiveResult bulkArchive(BulkArchiveParams params) {
        List<String> failed = database.write(tx -> {
            List<String> missing = new ArrayList<>();
            for (String id : params.sessionIds()) {
                if (!setArchived(tx, id, params.archived())) {
                    missing.add(id);
                }
            }
            return missing;
        });
        return new BulkArchiveResult(failed.isEmpty(), failed.isEmpty() ? null : failed);
    }

    /** Sets a session's title; an absent title clears it. */
    public SuccessResult updateTitle(TitleParams params) {
        database.write(tx -> {
            if (!sessions.setTitle(tx.connection(), params.sessionId(), params.title())) {
                throw AgentdException.notFound(
                        "failed to update session: session not found: " + params.sessionId());
            }
            Optional<SessionRow> row = sessions.find(tx.connection(), params.sessionId());
            if (row.isPresent()) {
                events.titleChanged(tx, row.get());
            }
            return null;
        });
        return SuccessResult.OK;
    }

    private boolean setArchived(Tx tx, String id, boolean archived) throws SQLException {
        if (!sessions.setArchived(tx.connection(), id, archived)) {
            return false;
        }
        Optional<SessionRow> row = sessions.find(tx.connection(), id);
        if (row.isPresent()) {
            events.archivedChanged(tx, row.get());
        }
        return true;
    }

    /**
     * Params of {@code archiveSession}.
     *
     * @param sessionId required
     * @param archived the new flag; absent means false (unarchive), as in hld
     */
    public record ArchiveParams(String sessionId, boolean archived) {
        /** Refuses a missing id with -32602. */
        public ArchiveParams {
            if (sessionId == null || sessionId.isEmpty()) {
                throw AgentdException.invalidParams("session_id is required");
            }
        }
    }

    /**
     * Params of {@code bulkArchiveSessions}.
     *
     * @param sessionIds required, non-empty; a null entry is kept as {@code ""} and reported as failed
     * @param archived the new flag; absent means false
     */
    public record BulkArchiveParams(List<String> sessionIds, boolean archived) {
        /** Refuses a missing or empty list with -32602. */
        public BulkArchiveParams {
            if (sessionIds == null || sessionIds.isEmpty()) {
                throw AgentdException.invalidParams("session_ids is required and cannot be empty");
            }
            sessionIds = sessionIds.stream().map(WireValues::orEmpty).toList();
        }
    }

    /**
     * Params of {@code updateSessionTitle}.
     *
     * @param sessionId required
     * @param title the new title; absent clears it
     */
    public record TitleParams(String sessionId, String title) {
        /** Refuses a missing id with -32602. */
        public TitleParams {
            if (sessionId == null || sessionId.isEmpty()) {
                throw AgentdException.invalidParams("session_id is required");
            }
            title = WireValues.orEmpty(title);
        }
    }

    /** Result {@code {success:true}} of the single-session updates. */
    public record SuccessResult(boolean success) {
        static final SuccessResult OK = new SuccessResult(true);
    }

    /**
     * Result of {@code bulkArchiveSessions}.
     *
     * @param failedSessions the ids that were not found; absent when all succeeded
     */
    public record BulkArchiveResult(boolean success, List<String> failedSessions) {
        public BulkArchiveResult {
            failedSessions = failedSessions == null ? null : List.copyOf(failedSessions);
        }
    }
}
