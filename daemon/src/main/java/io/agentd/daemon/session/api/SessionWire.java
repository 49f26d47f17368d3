package io.agentd.daemon.session.api;

import static io.agentd.daemon.session.api.WireValues.nonZero;
import static io.agentd.daemon.session.api.WireValues.orEmpty;
import static io.agentd.daemon.session.api.WireValues.text;

import io.agentd.daemon.json.JsonMappers;
import io.agentd.protocol.session.ConversationEvent;
import io.agentd.protocol.session.SessionInfo;
import io.agentd.protocol.session.SessionState;
import io.agentd.store.conversation.ConversationEventRow;
import io.agentd.store.denial.PermissionDenialRow;
import io.agentd.store.session.SessionOutcome;
import io.agentd.store.session.SessionRow;
import io.agentd.store.session.TokenCounts;

import java.util.List;

/**
 * Maps stored rows to the wire records of the protocol module, with hld's time formats and its
 * {@code omitempty} rules. The records know nothing of the store; this is the one place that does.
 */
public final class SessionWire {
    private SessionWire() {
    }

    /** A stored session as {@code listSessions} sends it, times in RFC3339Nano. */
    public static SessionInfo info(SessionRow row) {
        TokenCounts tokens = row.tokens();
        return new SessionInfo(row.id(), row.runId(), text(row.claudeSessionId()), text(row.parentSessionId()),
                row.status().wireName(), WireTimes.rfc3339Nano(row.createdAt()),
                WireTimes.rfc3339Nano(row.completedAt()), WireTimes.rfc3339Nano(row.lastActivityAt()),
                text(row.outcome().errorMessage()), row.query(), row.summary(), row.title(), text(row.model()),
                text(row.modelId()), text(row.workingDir()), result(row), row.permissions().autoAcceptEdits(),
                row.permissions().dangerouslySkipPermissions(),
                WireTimes.rfc3339Nano(row.permissions().bypassExpiresAt()), row.archived(),
                text(row.editorState()), row.proxy().enabled(), text(row.proxy().baseUrl()),
                text(row.proxy().modelOverride()), tokens.inputTokens(), tokens.outputTokens(),
                tokens.cacheCreationInputTokens(), tokens.cacheReadInputTokens(), tokens.effectiveContextTokens(),
                tokens.contextWindow(), row.outcome().costUsd());
    }

    /** hld builds the result only once something of the run's end is known. */
    private static SessionInfo.RunResult result(SessionRow row) {
        SessionOutcome o = row.outcome();
        if (o.resultContent() == null && o.numTurns() == null && o.costUsd() == null && o.durationMs() == null) {
            return null;
        }
        String error = text(o.errorMessage());
        return new SessionInfo.RunResult("result", "session_completed", o.costUsd() == null ? 0 : o.costUsd(),
                error != null, o.durationMs() == null ? 0 : o.durationMs(),
                o.durationApiMs() == null ? 0 : o.durationApiMs(), o.numTurns() == null ? 0 : o.numTurns(),
                orEmpty(o.resultContent()), orEmpty(row.claudeSessionId()), error);
    }

    /**
     * A stored session as {@code getSessionState} sends it, times in RFC3339 whole seconds, with the tools
     * Claude refused in it.
     */
    public static SessionState state(SessionRow row, List<PermissionDenialRow> denials) {
        TokenCounts t = row.tokens();
        SessionOutcome o = row.outcome();
        long contextLimit = t.contextWindow() != null && t.contextWindow() > 0 ? t.contextWindow()
                : SessionState.DEFAULT_CONTEXT_LIMIT;
        return new SessionState(row.id(), row.runId(), text(row.claudeSessionId()), text(row.parentSessionId()),
                row.status().wireName(), row.query(), row.summary(), row.title(), text(row.model()),
                text(row.modelId()), text(row.workingDir()), WireTimes.rfc3339(row.createdAt()),
                WireTimes.rfc3339(row.lastActivityAt()), WireTimes.rfc3339(row.completedAt()),
                text(o.errorMessage()), nonZero(o.costUsd()), nonZero(t.inputTokens()), nonZero(t.outputTokens()),
                nonZero(t.cacheCreationInputTokens()), nonZero(t.cacheReadInputTokens()),
                nonZero(t.effectiveContextTokens()), contextLimit, nonZero(o.durationMs()),
                row.permissions().autoAcceptEdits(), row.permissions().dangerouslySkipPermissions(),
                WireTimes.rfc3339(row.permissions().bypassExpiresAt()), row.archived(), t.contextWindow(),
                o.durationApiMs(), o.numTurns(), text(o.resultContent()),
                denials.stream().map(SessionWire::denial).toList());
    }

    /** A stored denial; its input was stored as the JSON Claude sent. */
    private static SessionState.PermissionDenial denial(PermissionDenialRow row) {
        return new SessionState.PermissionDenial(row.toolName(), row.toolUseId(),
                JsonMappers.daemon().readTree(row.toolInputJson()));
    }

    /** A stored conversation event as {@code getConversation} sends it. */
    public static ConversationEvent event(ConversationEventRow e) {
        return new ConversationEvent(e.id(), e.sessionId(), orEmpty(e.claudeSessionId()), e.sequence(),
                e.eventType().wireName(), WireTimes.rfc3339(e.createdAt()), text(e.role()), text(e.content()),
                text(e.toolId()), text(e.toolName()), text(e.toolInputJson()), text(e.parentToolUseId()),
                text(e.toolResultForId()), text(e.toolResultContent()), e.isCompleted(), text(e.approvalStatus()),
                text(e.approvalId()));
    }
}
