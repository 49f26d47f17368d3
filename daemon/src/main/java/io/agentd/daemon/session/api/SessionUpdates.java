package io.agentd.daemon.session.api;

import static java.util.Objects.requireNonNull;

import io.agentd.daemon.error.AgentdException;
import java.util.List;

/**
 * The JSON-RPC shapes of the user edits that need no running process ({@code archiveSession},
 * {@code bulkArchiveSessions}, {@code updateSessionTitle}) and their mapping to {@link SessionService}.
 * No rule lives here.
 */
public final class SessionUpdates {
    private final SessionService service;

    public SessionUpdates(SessionService service) {
        this.service = requireNonNull(service, "service is null");
    }

    /** Sets or clears one session's archived flag. */
    public SuccessResult archive(ArchiveParams params) {
        service.archive(params.sessionId(), params.archived());
        return SuccessResult.OK;
    }

    /**
     * Sets or clears the archived flag of several sessions in one transaction. Unknown ids do not undo the
     * others; they are listed in the result, whose {@code success} is then false.
     */
    public BulkArchiveResult bulkArchive(BulkArchiveParams params) {
        List<String> failed = service.bulkArchive(params.sessionIds(), params.archived());
        return new BulkArchiveResult(failed.isEmpty(), failed.isEmpty() ? null : failed);
    }

    /** Sets a session's title; an absent title clears it. */
    public SuccessResult updateTitle(TitleParams params) {
        service.updateTitle(params.sessionId(), params.title());
        return SuccessResult.OK;
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
