package io.agentd.daemon.session.ingest;

import io.agentd.daemon.session.follow.SpoolFollower;
import io.agentd.daemon.session.stream.ContentBlock;
import io.agentd.daemon.session.stream.ConversationEntries;
import io.agentd.daemon.session.stream.ReadSnapshots;
import io.agentd.daemon.session.stream.StreamEvent;
import io.agentd.store.Tx;
import io.agentd.store.conversation.ConversationEventRow;
import io.agentd.store.session.SessionRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * Turns one session's stdout lines into rows. Lines are collected per read chunk and written in one
 * transaction together with the spool offset just past them, so after a crash every line is either
 * fully stored or will be read again: never lost, never stored twice. A failed write (disk full,
 * read-only file) is retried until it succeeds ({@link StoreRetry}); Claude meanwhile keeps writing to the spool.
 */
public final class SessionIngestor implements SpoolFollower.LineSink, SpoolFollower.OversizeSink {
    private static final Logger log = LoggerFactory.getLogger(SessionIngestor.class);
    private static final int FLUSH_LINES = 512;
    private static final long FLUSH_BYTES = 8L * 1024 * 1024;

    private final IngestContext ctx;
    private final String sessionId;
    private final String runId;
    private final Path workingDir;
    private final List<PendingLine> pending = new ArrayList<>();
    private long pendingBytes;
    private long pendingEnd = -1;
    private final IngestState state;
    /**
     * Whether following began past the start of the spool (a session re-attached after a restart), so tool
     * calls may have been stored by the previous daemon; null until the first line.
     */
    private Boolean resumed;

    public SessionIngestor(IngestContext ctx, SessionRow session) {
        this.ctx = requireNonNull(ctx, "ctx is null");
        this.sessionId = session.id();
        this.runId = session.runId();
        this.workingDir = session.workingDir() == null ? Path.of(".") : Path.of(session.workingDir());
        this.state = new IngestState(session.claudeSessionId(), session.modelId());
    }

    /**
     * For a session re-attached after a restart: recalls the {@code result} the previous daemon already
     * stored, so a session whose result was processed just before the crash still ends completed.
     */
    public void recallStoredResult() {
        Optional<String> stored = ctx.database().read(c -> ctx.rawEvents().latestOfType(c, sessionId,
                StreamEvent.Result.TYPE));
        if (stored.isPresent() && ctx.parser().parse(stored.get()) instanceof StreamEvent.Result result) {
            IngestState.Delta delta = state.delta();
            delta.result(result);
            state.apply(delta);
        }
    }

    /** What was learned so far; read by the supervisor once following ends. */
    public IngestState state() {
        return state;
    }

    @Override
    public void line(byte[] bytes, int offset, int length, long endOffset) throws InterruptedException {
        if (resumed == null) {
            resumed = endOffset - length > 1; // the line did not start at byte 0
        }
        if (isBlank(bytes, offset, length)) {
            pendingEnd = endOffset;
            return;
        }
        StreamEvent event = ctx.parser().parse(bytes, offset, length);
        String raw = new String(bytes, offset, length, StandardCharsets.UTF_8);
        if (event instanceof StreamEvent.Malformed m) {
            log.warn("session {}: unparseable stdout line at offset {} stored raw ({})", sessionId, endOffset - length - 1,
                    m.error());
        } else if (event instanceof StreamEvent.Unknown u) {
            log.debug("session {}: unknown event type '{}' stored raw", sessionId, u.type());
        }
        rememberToolCalls(event);
        pending.add(new PendingLine(event, raw, snapshots(event)));
        pendingBytes += length;
        pendingEnd = endOffset;
        if (pending.size() >= FLUSH_LINES || pendingBytes >= FLUSH_BYTES) {
            flush();
        }
    }

    @Override
    public void oversized(long bytes, long endOffset) throws InterruptedException {
        if (resumed == null) {
            resumed = true; // cannot tell where the skipped line began: keep the store lookup
        }
        log.warn("session {}: skipped a stdout line of {} bytes (over the limit)", sessionId, bytes);
        String note = "{\"type\":\"agentd_oversized_line\",\"bytes\":" + bytes + "}";
        pending.add(new PendingLine(new StreamEvent.Malformed(note, "line of " + bytes + " bytes skipped"), note, List.of()));
        pendingEnd = endOffset;
        flush();
    }

    @Override
    public void caughtUp() throws InterruptedException {
        flush();
    }

    /** Writes everything collected so far, retrying until the store takes it (see {@link StoreRetry}). */
    public void flush() throws InterruptedException {
        if (pendingEnd < 0) {
            return;
        }
        List<PendingLine> batch = List.copyOf(pending);
        long end = pendingEnd;
        IngestState.Delta delta = StoreRetry.write(ctx.database(),
                "session " + sessionId + ": storing " + batch.size() + " events", tx -> apply(tx, batch, end),
                state::forgetSequence);
        state.apply(delta);
        pending.clear();
        pendingBytes = 0;
        pendingEnd = -1;
    }

    private IngestState.Delta apply(Tx tx, List<PendingLine> batch, long end) throws SQLException {
        IngestState.Delta delta = state.delta();
        new IngestTransaction(ctx, sessionId, runId, tx, delta, ctx.clock().instant()).apply(batch, end);
        return delta;
    }

    /** Read calls are remembered so their results can become file snapshots. */
    private void rememberToolCalls(StreamEvent event) {
        if (event instanceof StreamEvent.Assistant a) {
            for (ContentBlock block : a.content()) {
                if (block instanceof ContentBlock.ToolUse use && "Read".equals(use.name())) {
                    state.readCalls().put(use.id(), ConversationEntries.toolInputJson(use.input()));
                }
            }
        }
    }

    /** Snapshot contents are computed before the transaction: a partial read goes to disk. */
    private List<PendingLine.Snapshot> snapshots(StreamEvent event) {
        if (!(event instanceof StreamEvent.User user)) {
            return List.of();
        }
        List<PendingLine.Snapshot> out = new ArrayList<>();
        for (ContentBlock block : user.content()) {
            if (block instanceof ContentBlock.ToolResult result && !result.isError()) {
                String input = readCallInput(result.toolUseId());
                if (input != null) {
                    ReadSnapshots.snapshot(input, result.content(), user.toolUseResult(), workingDir)
                            .ifPresent(file -> out.add(new PendingLine.Snapshot(result.toolUseId(), file)));
                }
            }
        }
        return out;
    }

    private String readCallInput(String toolUseId) {
        String known = state.readCalls().get(toolUseId);
        if (known != null) {
            return known;
        }
        if (Boolean.FALSE.equals(resumed)) {
            // Every call of this run came through this ingestor: an unknown id is not a Read. Skipping the
            // lookup keeps a store round trip off the reader thread for every non-Read tool result.
            return null;
        }
        // After a daemon restart the call may have been stored by the previous daemon.
        Optional<ConversationEventRow> stored = ctx.database().read(c -> ctx.conversation().findToolCall(c, sessionId, toolUseId));
        return stored.filter(r -> "Read".equals(r.toolName())).map(ConversationEventRow::toolInputJson).orElse(null);
    }

    private static boolean isBlank(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                return false;
            }
        }
        return true;
    }
}
