package io.agentd.daemon.session;

import io.agentd.daemon.claude.ClaudeLocator;
import io.agentd.daemon.error.AgentdException;
import io.agentd.daemon.error.ErrorKind;
import io.agentd.daemon.session.follow.SpoolWatcher;
import io.agentd.daemon.session.ingest.IngestContext;
import io.agentd.daemon.session.process.ProcessLauncher;
import io.agentd.daemon.session.stream.StreamJsonParser;
import io.agentd.store.Database;
import io.agentd.store.approval.ApprovalRepository;
import io.agentd.store.conversation.ConversationRepository;
import io.agentd.store.mcp.McpServerRepository;
import io.agentd.store.mcp.McpServerRow;
import io.agentd.store.process.ProcessRepository;
import io.agentd.store.rawevent.RawEventRepository;
import io.agentd.store.session.LaunchConfig;
import io.agentd.store.session.PermissionSettings;
import io.agentd.store.session.SessionRepository;
import io.agentd.store.session.SessionRow;
import io.agentd.store.session.SessionStatus;
import io.agentd.store.snapshot.SnapshotRepository;
import io.agentd.store.testing.TempDatabaseExtension;
import io.agentd.testkit.fakeclaude.FakeClaude;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Continuing a stored session through a real supervisor running a fake claude: what the child inherits,
 * what it may override, and which parents cannot be continued (and why, in the words hld uses).
 */
@ExtendWith(TempDatabaseExtension.class)
class SessionContinuationTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private SessionSupervisor supervisor;
    private FakeClaude fake;

    @AfterEach
    void stopSupervisor() {
        if (supervisor != null) {
            supervisor.shutdown(false, Duration.ofSeconds(5));
            supervisor.close();
        }
    }

    @Test
    void theChildResumesTheParentsConversationWithItsSettingsButNotAnExpiredBypass(Database db) throws Exception {
        SessionContinuation continuation = continuation(db);
        LaunchConfig config = new LaunchConfig(7, "be brief", "and kind", "no jokes", null, List.of("Read"),
                List.of("Bash"), List.of("/extra"));
        PermissionSettings expiredBypass = new PermissionSettings(true, true, Instant.now().minusSeconds(60), 60_000L);
        SessionRow parent = parent(db, SessionStatus.COMPLETED, "claude-parent", config, expiredBypass);
        db.write(tx -> {
            new McpServerRepository().insert(tx.connection(), new McpServerRow.Http(parent.id(), "web",
                    "https://mcp.example/x", Map.of("Authorization", "Bearer t")));
            new McpServerRepository().insert(tx.connection(), new McpServerRow.Stdio(parent.id(), "local", "npx",
                    List.of("server"), Map.of("K", "V", "HUMANLAYER_RUN_ID", "old-run")));
            new McpServerRepository().insert(tx.connection(), new McpServerRow.Stdio(parent.id(), McpInjection.SERVER_NAME,
                    "agentctl", List.of("mcp"), Map.of()));
            return null;
        });

        SessionSupervisor.Launched launched = continuation.continueSession(parent.id(),
                SessionContinuation.Overrides.inheritAll("and now?"));
        supervisor.awaitEnd(launched.sessionId(), WAIT); // empty if it has ended already

        SessionRow child = db.read(c -> new SessionRepository().find(c, launched.sessionId())).orElseThrow();
        assertThat(child.status()).isEqualTo(SessionStatus.COMPLETED);
        assertThat(child.parentSessionId()).isEqualTo(parent.id());
        assertThat(child.runId()).isEqualTo(launched.runId()).isNotEqualTo(parent.runId());
        assertThat(child.query()).isEqualTo("and now?");
        assertThat(child.workingDir()).isEqualTo(parent.workingDir());
        assertThat(child.config()).isEqualTo(new LaunchConfig(null, "be brief", "and kind", "no jokes", null,
                List.of("Read"), List.of("Bash"), List.of("/extra"))); // max_turns is never inherited
        assertThat(child.permissions()).isEqualTo(new PermissionSettings(true, false, null, null));
        assertThat(db.<List<McpServerRow>>read(c -> new McpServerRepository().bySession(c, child.id()))).containsExactly(
                new McpServerRow.Stdio(child.id(), "local", "npx", List.of("server"), Map.of("K", "V",
                        "HUMANLAYER_RUN_ID", child.runId(), "HUMANLAYER_DAEMON_SOCKET", dir.resolve("d.sock").toString())),
                new McpServerRow.Http(child.id(), "web", "https://mcp.example/x", Map.of("Authorization", "Bearer t",
                        "X-Session-ID", child.id())));
        assertThat(fake.lastArgs()).containsSequence("--resume", "claude-parent").contains("and now?");
    }

    @Test
    void overridesReplaceWhatTheyName(Database db) throws Exception {
        SessionContinuation continuation = continuation(db);
        SessionRow parent = parent(db, SessionStatus.INTERRUPTED, "claude-parent",
                new LaunchConfig(null, "old prompt", null, null, null, List.of("Read"), List.of(), List.of()),
                PermissionSettings.none());

        SessionSupervisor.Launched launched = continuation.continueSession(parent.id(), new SessionContinuation.Overrides(
                "next", "new prompt", null, Map.of(), null, List.of("Write"), null, null, null, 3));
        supervisor.awaitEnd(launched.sessionId(), WAIT);

        SessionRow child = db.read(c -> new SessionRepository().find(c, launched.sessionId())).orElseThrow();
        assertThat(child.config()).isEqualTo(new LaunchConfig(3, "new prompt", null, null, null, List.of("Write"),
                List.of(), List.of()));
    }

    @Test
    void refusesParentsThatCannotBeResumed(Database db) throws Exception {
        SessionContinuation continuation = continuation(db);
        SessionRow waiting = parent(db, SessionStatus.WAITING_INPUT, "c-1", LaunchConfig.empty(), PermissionSettings.none());
        SessionRow noClaudeId = parent(db, SessionStatus.COMPLETED, null, LaunchConfig.empty(), PermissionSettings.none());

        assertRefused(continuation, "no-such-session", ErrorKind.NOT_FOUND,
                "failed to get parent session: session not found: no-such-session");
        assertRefused(continuation, waiting.id(), ErrorKind.CONFLICT,
                "cannot continue session with status waiting_input (must be completed, interrupted, running, or failed)");
        assertRefused(continuation, noClaudeId.id(), ErrorKind.CONFLICT,
                "parent session missing claude_session_id (cannot resume)");
        assertThat(fake.invocations()).allSatisfy(argv -> assertThat(argv).containsExactly("--version"));
    }

    @Test
    void refusesAParentWhoseWorkingDirectoryIsGone(Database db) throws Exception {
        SessionContinuation continuation = continuation(db);
        Path gone = Files.createDirectories(dir.resolve("gone"));
        SessionRow parent = parent(db, SessionStatus.COMPLETED, "c-1", LaunchConfig.empty(), PermissionSettings.none(), gone);
        Files.delete(gone);

        assertRefused(continuation, parent.id(), ErrorKind.CONFLICT,
                "parent session's working directory no longer exists: " + gone);
    }

    private static void assertRefused(SessionContinuation continuation, String parentId, ErrorKind kind, String message) {
        assertThatThrownBy(() -> continuation.continueSession(parentId, SessionContinuation.Overrides.inheritAll("q")))
                .isInstanceOfSatisfying(AgentdException.class, e -> assertThat(e.kind()).isEqualTo(kind))
                .hasMessage(message);
    }

    private SessionRow parent(Database db, SessionStatus status, String claudeSessionId, LaunchConfig config,
                              PermissionSettings permissions) throws Exception {
        return parent(db, status, claudeSessionId, config, permissions, Files.createDirectories(dir.resolve("work")));
    }

    private static SessionRow parent(Database db, SessionStatus status, String claudeSessionId, LaunchConfig config,
                                     PermissionSettings permissions, Path workingDir) {
        SessionRow row = SessionRow.newSession(UUID.randomUUID().toString(), UUID.randomUUID().toString(), null, "first",
                "first", "a title", "sonnet", workingDir.toString(), config, permissions, Instant.now());
        SessionRepository sessions = new SessionRepository();
        db.write(tx -> {
            sessions.insert(tx.connection(), row);
            sessions.transition(tx.connection(), row.id(), EnumSet.of(SessionStatus.STARTING), status, Instant.now());
            if (claudeSessionId != null) {
                sessions.setClaudeSessionId(tx.connection(), row.id(), claudeSessionId);
            }
            return null;
        });
        return db.read(c -> sessions.find(c, row.id())).orElseThrow();
    }

    private SessionContinuation continuation(Database db) throws java.io.IOException {
        fake = FakeClaude.builder()
                .stdout("{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false,\"session_id\":\"c-child\"}")
                .exit(0).writeTo(dir.resolve("fake"));
        IngestContext ctx = new IngestContext(db, new SessionRepository(), new ConversationRepository(),
                new RawEventRepository(), new SnapshotRepository(), new ProcessRepository(), new ApprovalRepository(),
                new StreamJsonParser(), SessionEvents.NONE, Clock.systemUTC());
        ClaudeLocator claude = new ClaudeLocator(fake.executable().toString(), Map.of(), dir);
        claude.refresh();
        supervisor = new SessionSupervisor(ctx, new SessionTransitions(ctx.sessions(), SessionEvents.NONE, ctx.clock()),
                claude, ProcessLauncher.create(), new SpoolWatcher(), new McpInjection(List.of(), dir.resolve("d.sock")),
                new SupervisorConfig(dir.resolve("spool"), 4, Duration.ofSeconds(1), WAIT, 1024 * 1024, Duration.ZERO));
        return new SessionContinuation(db, supervisor, WAIT, ctx.clock());
    }
}
