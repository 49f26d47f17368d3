package io.agentd.daemon.session;

import io.agentd.daemon.session.ingest.IngestContext;
import io.agentd.daemon.session.process.ProcessIdentity;
import io.agentd.daemon.session.process.SpoolPaths;
import io.agentd.daemon.session.stream.StreamJsonParser;
import io.agentd.store.Database;
import io.agentd.store.approval.ApprovalRepository;
import io.agentd.store.approval.ApprovalRow;
import io.agentd.store.approval.ApprovalStatus;
import io.agentd.store.conversation.ConversationRepository;
import io.agentd.store.process.ProcessRepository;
import io.agentd.store.rawevent.RawEventRepository;
import io.agentd.store.session.SessionRepository;
import io.agentd.store.session.SessionRow;
import io.agentd.store.session.SessionStatus;
import io.agentd.store.snapshot.SnapshotRepository;
import io.agentd.store.testing.Sessions;
import io.agentd.store.testing.TempDatabaseExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which sessions the watchdog stops, on a fixed clock: the spool file's time, the session's status and its
 * approvals decide, never the wall clock.
 */
@ExtendWith(TempDatabaseExtension.class)
class IdleWatchdogTest {
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    @TempDir
    Path spools;

    private final List<String> stopped = new ArrayList<>();

    @Test
    void stopsARunningSessionSilentForTheTimeoutWithAClearReason(Database db) throws Exception {
        IngestContext ctx = context(db);
        ActiveSession silent = session(ctx, SessionStatus.RUNNING, NOW.minus(TIMEOUT));
        ActiveSession talking = session(ctx, SessionStatus.RUNNING, NOW.minus(TIMEOUT).plusSeconds(1));

        watchdog(ctx, silent, talking).check();

        assertThat(stopped).containsExactly(silent.sessionId() + ": no output from Claude for 30m; stopped by agentd");
    }

    @Test
    void timeWaitingForAnApprovalDoesNotCount(Database db) throws Exception {
        IngestContext ctx = context(db);
        ActiveSession waiting = session(ctx, SessionStatus.WAITING_INPUT, NOW.minus(Duration.ofHours(5)));
        ActiveSession justApproved = session(ctx, SessionStatus.RUNNING, NOW.minus(Duration.ofHours(5)));
        decidedApproval(ctx, justApproved.sessionId(), NOW.minus(Duration.ofMinutes(29)));
        ActiveSession approvedLongAgo = session(ctx, SessionStatus.RUNNING, NOW.minus(Duration.ofHours(5)));
        decidedApproval(ctx, approvedLongAgo.sessionId(), NOW.minus(Duration.ofMinutes(31)));

        watchdog(ctx, waiting, justApproved, approvedLongAgo).check();

        assertThat(stopped).containsExactly(approvedLongAgo.sessionId() + ": no output from Claude for 30m; stopped by agentd");
    }

    @Test
    void leavesAloneSessionsAlreadyStoppingOrEndedOrNotRunning(Database db) throws Exception {
        IngestContext ctx = context(db);
        Instant old = NOW.minus(Duration.ofHours(1));
        ActiveSession interrupting = session(ctx, SessionStatus.INTERRUPTING, old);
        ActiveSession beingStopped = session(ctx, SessionStatus.RUNNING, old);
        beingStopped.stopFor("earlier");
        ActiveSession exited = session(ctx, SessionStatus.RUNNING, old);
        Files.writeString(exited.spool().exitCode(), "0");

        watchdog(ctx, interrupting, beingStopped, exited).check();

        assertThat(stopped).isEmpty();
    }

    @Test
    void withoutAStdoutFileTheClockStartsWhenFollowingBegan(Database db) throws Exception {
        IngestContext ctx = context(db);
        ActiveSession fresh = session(ctx, SessionStatus.RUNNING, null);

        watchdog(ctx, fresh).check();

        assertThat(stopped).isEmpty();
    }

    @Test
    void reasonsSayTheTimeoutAsItIsWritten() {
        assertThat(IdleWatchdog.reason(Duration.ofMinutes(30))).isEqualTo("no output from Claude for 30m; stopped by agentd");
        assertThat(IdleWatchdog.human(Duration.ofHours(2))).isEqualTo("2h");
        assertThat(IdleWatchdog.human(Duration.ofSeconds(90))).isEqualTo("90s");
        assertThat(IdleWatchdog.human(Duration.ofMillis(1500))).isEqualTo("1500ms");
    }

    private IdleWatchdog watchdog(IngestContext ctx, ActiveSession... sessions) {
        return new IdleWatchdog(ctx, TIMEOUT, () -> List.of(sessions), (s, reason) -> stopped.add(s.sessionId() + ": " + reason));
    }

    /** A session in {@code status} whose Claude is alive (this JVM) and last wrote at {@code lastOutput} (null: no file). */
    private ActiveSession session(IngestContext ctx, SessionStatus status, Instant lastOutput) throws Exception {
        SessionRow row = Sessions.newSession("q");
        SpoolPaths spool = SpoolPaths.of(spools, row.id());
        Files.createDirectories(spool.dir());
        if (lastOutput != null) {
            Files.writeString(spool.stdout(), "{}\n");
            Files.setLastModifiedTime(spool.stdout(), FileTime.from(lastOutput));
        }
        ctx.database().write(tx -> {
            ctx.sessions().insert(tx.connection(), row);
            ctx.sessions().transition(tx.connection(), row.id(), EnumSet.of(SessionStatus.STARTING), status, NOW);
            return null;
        });
        ProcessIdentity self = ProcessIdentity.of(ProcessHandle.current().pid()).orElseThrow();
        return new ActiveSession(row.id(), self, null, spool, NOW.minus(Duration.ofMinutes(1)));
    }

    private static void decidedApproval(IngestContext ctx, String sessionId, Instant decidedAt) {
        ctx.database().write(tx -> {
            new ApprovalRepository().insert(tx.connection(), new ApprovalRow("a-" + sessionId, "r", sessionId,
                    ApprovalStatus.APPROVED, decidedAt.minusSeconds(60), decidedAt, "Bash", "{}", null, "t", "human", null));
            return null;
        });
    }

    private static IngestContext context(Database db) {
        return new IngestContext(db, new SessionRepository(), new ConversationRepository(), new RawEventRepository(),
                new SnapshotRepository(), new ProcessRepository(), new ApprovalRepository(), new StreamJsonParser(),
                SessionEvents.NONE, Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
