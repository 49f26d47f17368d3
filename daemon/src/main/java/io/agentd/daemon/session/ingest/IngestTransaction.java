package io.agentd.daemon.session.ingest;

import io.agentd.daemon.session.stream.ConversationEntries;
import io.agentd.daemon.session.stream.ConversationEntry;
import io.agentd.daemon.session.stream.EntryType;
import io.agentd.daemon.session.stream.ModelNames;
import io.agentd.daemon.session.stream.StreamEvent;
import io.agentd.daemon.session.stream.TokenUsage;
import io.agentd.daemon.session.stream.Usage;
import io.agentd.store.Tx;
import io.agentd.store.approval.ApprovalRow;
import io.agentd.store.conversation.ConversationEventRow;
import io.agentd.store.conversation.EventType;
import io.agentd.store.conversation.NewConversationEvent;
import io.agentd.store.rawevent.NewRawEvent;
import io.agentd.store.denial.PermissionDenialRepository;
import io.agentd.store.denial.PermissionDenialRow;
import io.agentd.store.session.SessionOutcome;
import io.agentd.store.session.SessionStatus;
import io.agentd.store.session.TokenCounts;
import io.agentd.store.snapshot.FileSnapshotRow;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Writes one batch of a session's lines in one transaction. The work goes in phases rather than line by
 * line, so rows of a kind are inserted many per statement and the session row changes once:
 *
 * <ol>
 *   <li>the raw lines;</li>
 *   <li>line by line, what changes the session (Claude's session id, model, result) and snapshots, while
 *       the conversation rows are numbered and collected;</li>
 *   <li>the conversation rows, then what refers to them: the back-filled Claude session id, completed
 *       tool calls (each result completes the calls numbered before it, as if written in line order) and
 *       approvals asked for before the call reached stdout;</li>
 *   <li>their bus events, then one token update carrying the batch's last counts (or else a touch);</li>
 *   <li>the spool offset just past the batch.</li>
 * </ol>
 *
 * The rows end up exactly as writing line by line would leave them. Changes to the ingestor's state go
 * into the {@link IngestState.Delta}, applied only once the transaction commits.
 */
final class IngestTransaction {
    /** Stateless SQL; kept here rather than in {@link IngestContext}, which only results use. */
    private static final PermissionDenialRepository DENIALS = new PermissionDenialRepository();

    private final IngestContext ctx;
    private final String sessionId;
    private final String runId;
    private final Tx tx;
    private final Connection c;
    private final IngestState.Delta delta;
    private final Instant now;

    private final List<NewConversationEvent> rows = new ArrayList<>();
    private long firstSequence;
    private final List<String> learnedClaudeIds = new ArrayList<>();
    /** Tool id → the sequence of its last result in this batch. */
    private final Map<String, Long> completions = new LinkedHashMap<>();
    private final List<String> calls = new ArrayList<>();
    private Usage usage;
    private Boolean approvals;

    IngestTransaction(IngestContext ctx, String sessionId, String runId, Tx tx, IngestState.Delta delta, Instant now) {
        this.ctx = ctx;
        this.sessionId = sessionId;
        this.runId = runId;
        this.tx = tx;
        this.c = tx.connection();
        this.delta = delta;
        this.now = now;
    }

    void apply(List<PendingLine> batch, long end) throws SQLException {
        List<NewRawEvent> raw = new ArrayList<>(batch.size());
        for (PendingLine line : batch) {
            raw.add(new NewRawEvent(line.type(), line.raw()));
        }
        ctx.rawEvents().insertAll(c, sessionId, raw, now);
        for (PendingLine line : batch) {
            collect(line);
        }
        List<ConversationEventRow> stored = storeConversation();
        ctx.events().conversationAppended(tx, runId, stored);
        updateSession(!stored.isEmpty());
        ctx.processes().setOffset(c, sessionId, end);
    }

    private void collect(PendingLine line) throws SQLException {
        StreamEvent event = line.event();
        String claudeId = event.sessionId();
        if (claudeId != null && !claudeId.isEmpty() && !claudeId.equals(delta.claudeSessionId())) {
            ctx.sessions().setClaudeSessionId(c, sessionId, claudeId);
            learnedClaudeIds.add(claudeId);
            delta.claudeSessionId(claudeId);
        }
        switch (event) {
            case StreamEvent.SystemInit init when !init.model().isEmpty() -> {
                ctx.sessions().setModel(c, sessionId, ModelNames.shortName(init.model()).orElse(null), init.model());
                delta.model(init.model());
            }
            case StreamEvent.Result result -> recordResult(result);
            default -> {
            }
        }
        TokenUsage.rootUsage(event).ifPresent(u -> usage = u);
        for (ConversationEntry entry : ConversationEntries.from(event)) {
            long sequence = nextSequence();
            rows.add(toRow(entry, delta.claudeSessionId()));
            if (entry.type() == EntryType.TOOL_RESULT && entry.toolResultForId() != null) {
                completions.put(entry.toolResultForId(), sequence);
            }
            if (entry.type() == EntryType.TOOL_CALL && emptyToNull(entry.toolId()) != null && mayHaveApprovals()) {
                calls.add(entry.toolId());
            }
        }
        for (PendingLine.Snapshot snapshot : line.snapshots()) {
            ctx.snapshots().insert(c, new FileSnapshotRow(snapshot.toolId(), sessionId, snapshot.file().filePath(),
                    snapshot.file().content(), now));
        }
    }

    /** Inserts the collected rows, then what line-by-line writing would have done to them after each. */
    private List<ConversationEventRow> storeConversation() throws SQLException {
        List<ConversationEventRow> stored = rows.isEmpty() ? List.of()
                : ctx.conversation().appendAll(c, rows, firstSequence);
        // Only rows stored before an id was learned lack one; the first id learned is the one they get.
        for (String claudeId : learnedClaudeIds) {
            ctx.conversation().backfillClaudeSessionId(c, sessionId, claudeId);
        }
        for (Map.Entry<String, Long> result : completions.entrySet()) {
            ctx.conversation().markToolCompleted(c, sessionId, result.getKey(), result.getValue());
        }
        for (String toolId : calls) {
            linkEarlierApproval(toolId);
        }
        return stored;
    }

    /**
     * The session row changes once per transaction: the last token counts (which also mark activity) or else
     * the activity time. Subscribers get one {@code token_update} carrying the final counts, after the
     * transaction's conversation events.
     */
    private void updateSession(boolean appended) throws SQLException {
        if (usage != null) {
            TokenCounts tokens = new TokenCounts(usage.inputTokens(), usage.outputTokens(),
                    usage.cacheCreationInputTokens(), usage.cacheReadInputTokens(),
                    TokenUsage.effectiveContextTokens(usage), null);
            Optional<SessionStatus> status = ctx.sessions().setTokens(c, sessionId, tokens, now);
            if (status.isPresent()) {
                ctx.events().tokensUpdated(tx, sessionId, runId, status.get(), tokens);
            }
        } else if (appended) {
            ctx.sessions().touch(c, sessionId, now);
        }
    }

    /** The next conversation sequence number: read from the store once per ingestor, then counted. */
    private long nextSequence() throws SQLException {
        long next = delta.nextSequence();
        if (next == 0) {
            next = ctx.conversation().nextSequence(c, sessionId);
        }
        if (rows.isEmpty()) {
            firstSequence = next;
        }
        delta.nextSequence(next + 1);
        return next;
    }

    /**
     * Whether the session has any approval a new tool call could be linked to, asked once per transaction.
     * Approvals are written by the same single writer, so one asked for after this transaction links itself
     * to the stored call.
     */
    private boolean mayHaveApprovals() throws SQLException {
        if (approvals == null) {
            approvals = ctx.approvals().anyForSession(c, sessionId);
        }
        return approvals;
    }

    /** Claude may ask for permission before its assistant event reaches stdout: link the approval now. */
    private void linkEarlierApproval(String toolId) throws SQLException {
        Optional<ApprovalRow> approval = ctx.approvals().findByToolUseId(c, sessionId, toolId);
        if (approval.isPresent()) {
            ctx.conversation().linkApproval(c, sessionId, toolId, approval.get().id(),
                    approval.get().status().toolCallStatus());
        }
    }

    private void recordResult(StreamEvent.Result result) throws SQLException {
        ctx.sessions().setOutcome(c, sessionId, new SessionOutcome(result.totalCostUsd(), result.durationMs(),
                result.durationApiMs(), result.numTurns(), result.resultText().isEmpty() ? null : result.resultText(),
                null));
        DENIALS.replace(c, sessionId, result.permissionDenials().stream()
                .map(d -> new PermissionDenialRow(d.toolName(), d.toolUseId(),
                        d.toolInput().isMissingNode() ? "null" : d.toolInput().toString()))
                .toList());
        OptionalLong window = TokenUsage.contextWindow(result, delta.model());
        if (window.isPresent()) {
            ctx.sessions().setContextWindow(c, sessionId, window.getAsLong());
        }
        delta.result(result);
    }

    private NewConversationEvent toRow(ConversationEntry e, String claudeId) {
        return new NewConversationEvent(sessionId, claudeId, EventType.valueOf(e.type().name()), now, emptyToNull(e.role()),
                emptyToNull(e.content()), emptyToNull(e.toolId()), emptyToNull(e.toolName()), emptyToNull(e.toolInputJson()),
                emptyToNull(e.toolResultForId()), e.type() == EntryType.TOOL_RESULT ? nullToEmpty(e.toolResultContent()) : null,
                emptyToNull(e.parentToolUseId()));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
