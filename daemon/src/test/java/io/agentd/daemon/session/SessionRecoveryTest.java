package io.agentd.daemon.session;

import io.agentd.daemon.session.ingest.IngestContext;
import io.agentd.daemon.session.process.ProcessIdentity;
import io.agentd.daemon.session.stream.StreamJsonParser;
import io.agentd.store.Database;
import io.agentd.store.approval.ApprovalRepository;
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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * What a starting daemon makes of the sessions the previous one left in the store: which it follows again,
 * from where, which it keeps stopping, and which it gives up as failed. The live process is this JVM.
 */
@ExtendWith(TempDatabaseExtension.class)
class SessionRecoveryTest {
    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final ProcessIdentity SELF = ProcessIdentity.of(ProcessHandle.current().pid()).orElseThrow();

    @TempDir
    Path spools;

    private final RecordingSessionEvents events = new RecordingSessionEvents();

    @Test
    void aSessionWithoutAStartedProcessIsMarkedFailed(Database db) {
        IngestContext ctx = context(db);
        SessionRow never = session(ctx, SessionStatus.STARTING);
        SessionRow unrecorded = session(ctx, SessionStatus.RUNNING);
        ctx.database().write(tx -> {
            ctx.processes().insert(tx.connection(), never.id(), spools.resolve(never.id()).toString(), null);
            return null;
        });

        List<SessionRecovery.Reattached> reattached = recovery(ctx).recover();

        assertThat(reattached).isEmpty();
        for (SessionRow row : List.of(never, unrecorded)) {
            SessionRow stored = find(ctx, row.id());
            assertThat(stored.status()).isEqualTo(SessionStatus.FAILED);
            assertThat(stored.outcome().errorMessage()).isEqualTo("daemon restarted while session was active");
        }
    }

    @Test
    void aSessionWhoseSpoolIsGoneIsMarkedFailed(Database db) {
        IngestContext ctx = context(db);
        SessionRow row = session(ctx, SessionStatus.RUNNING);
        started(ctx, row, spools.resolve("deleted"), 10);

        assertThat(recovery(ctx).recover()).isEmpty();

        assertThat(find(ctx, row.id()).status()).isEqualTo(SessionStatus.FAILED);
    }

    @Test
    void aRunningSessionIsFollowedAgainFromItsStoredOffset(Database db) throws Exception {
        IngestContext ctx = context(db);
        SessionRow row = session(ctx, SessionStatus.RUNNING);
        Path spool = Files.createDirectories(spools.resolve(row.id()));
        started(ctx, row, spool, 1234);

        List<SessionRecovery.Reattached> reattached = recovery(ctx).recover();

        assertThat(reattached).extracting(r -> r.session().sessionId(), SessionRecovery.Reattached::offset,
                        SessionRecovery.Reattached::stopping, r -> r.unstored() == null)
                .containsExactly(tuple(row.id(), 1234L, false, true));
        ActiveSession session = reattached.getFirst().session();
        assertThat(session.identity()).isEqualTo(SELF);
        assertThat(session.spool().dir()).isEqualTo(spool);
        assertThat(session.exited()).isFalse();
        assertThat(find(ctx, row.id()).status()).isEqualTo(SessionStatus.RUNNING);
    }

    @Test
    void aSessionLeftStartingIsStoredRunning(Database db) throws Exception {
        IngestContext ctx = context(db);
        SessionRow row = session(ctx, SessionStatus.STARTING);
        started(ctx, row, Files.createDirectories(spools.resolve(row.id())), 0);

        assertThat(recovery(ctx).recover()).hasSize(1);

        assertThat(find(ctx, row.id()).status()).isEqualTo(SessionStatus.RUNNING);
        assertThat(events.changes()).containsExactly("status " + row.id() + " starting running");
    }

    @Test
    void anInterruptOrAStopThePreviousDaemonBeganIsResumed(Database db) throws Exception {
        IngestContext ctx = context(db);
        SessionRow interrupting = session(ctx, SessionStatus.INTERRUPTING);
        started(ctx, interrupting, Files.createDirectories(spools.resolve(interrupting.id())), 0);
        SessionRow idle = session(ctx, SessionStatus.RUNNING);
        started(ctx, idle, Files.createDirectories(spools.resolve(idle.id())), 0);
        ctx.database().write(tx -> {
            ctx.processes().setStopReason(tx.connection(), idle.id(), "no output from Claude for 30m; stopped by agentd");
            return null;
        });

        List<SessionRecovery.Reattached> reattached = recovery(ctx).recover();

        assertThat(reattached).extracting(r -> r.session().sessionId(), SessionRecovery.Reattached::stopping,
                        r -> r.session().stopReason())
                .containsExactlyInAnyOrder(tuple(interrupting.id(), true, null),
                        tuple(idle.id(), true, "no output from Claude for 30m; stopped by agentd"));
    }

    @Test
    void aSessionWhoseProcessEndedIsFollowedToReadItsOutputButNotSignalled(Database db) throws Exception {
        IngestContext ctx = context(db);
        SessionRow row = session(ctx, SessionStatus.INTERRUPTING);
        Path spool = Files.createDirectories(spools.resolve(row.id()));
        ctx.database().write(tx -> {
            ctx.processes().insert(tx.connection(), row.id(), spool.toString(), null);
            // A start time that is not this JVM's: the pid belongs to another process now.
            ctx.processes().setStarted(tx.connection(), row.id(), SELF.pid(), SELF.startTime().minusSeconds(3600));
            return null;
        });

        List<SessionRecovery.Reattached> reattached = recovery(ctx).recover();

        assertThat(reattached).extracting(r -> r.session().sessionId(), SessionRecovery.Reattached::stopping)
                .containsExactly(tuple(row.id(), false));
        assertThat(reattached.getFirst().session().exited()).isTrue();
    }

    @Test
    void terminalSessionsAreLeftAlone(Database db) {
        IngestContext ctx = context(db);
        SessionRow done = session(ctx, SessionStatus.COMPLETED);

        assertThat(recovery(ctx).recover()).isEmpty();

        assertThat(find(ctx, done.id()).status()).isEqualTo(SessionStatus.COMPLETED);
    }

    private SessionRecovery recovery(IngestContext ctx) {
        events.changes().clear();
        return new SessionRecovery(ctx, new SessionTransitions(ctx.sessions(), events, ctx.clock()));
    }

    private static SessionRow session(IngestContext ctx, SessionStatus status) {
        SessionRow row = Sessions.newSession("q", null, NOW);
        ctx.database().write(tx -> {
            ctx.sessions().insert(tx.connection(), row);
            if (status != SessionStatus.STARTING) {
                ctx.sessions().transition(tx.connection(), row.id(), EnumSet.of(SessionStatus.STARTING), status, NOW);
            }
            return null;
        });
        return row;
    }

    private static void started(IngestContext ctx, SessionRow row, Path spool, long offset) {
        ctx.database().write(tx -> {
            ctx.processes().insert(tx.connection(), row.id(), spool.toString(), null);
            ctx.processes().setStarted(tx.connection(), row.id(), SELF.pid(), SELF.startTime());
            ctx.processes().setOffset(tx.connection(), row.id(), offset);
            return null;
        });
    }

    private static SessionRow find(IngestContext ctx, String id) {
        return ctx.database().read(c -> ctx.sessions().find(c, id)).orElseThrow();
    }

    private static IngestContext context(Database db) {
        return new IngestContext(db, new SessionRepository(), new ConversationRepository(), new RawEventRepository(),
                new SnapshotRepository(), new ProcessRepository(), new ApprovalRepository(), new StreamJsonParser(),
                SessionEvents.NONE, Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
