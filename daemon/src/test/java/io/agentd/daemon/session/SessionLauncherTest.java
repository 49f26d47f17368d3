package io.agentd.daemon.session;

import io.agentd.daemon.error.AgentdException;
import io.agentd.daemon.session.ingest.IngestContext;
import io.agentd.daemon.session.process.ProcessLauncher;
import io.agentd.daemon.session.stream.StreamJsonParser;
import io.agentd.store.Database;
import io.agentd.store.approval.ApprovalRepository;
import io.agentd.store.conversation.ConversationEventRow;
import io.agentd.store.conversation.ConversationRepository;
import io.agentd.store.mcp.McpServerRepository;
import io.agentd.store.mcp.McpServerRow;
import io.agentd.store.process.ProcessRepository;
import io.agentd.store.process.ProcessRow;
import io.agentd.store.rawevent.RawEventRepository;
import io.agentd.store.session.LaunchConfig;
import io.agentd.store.session.PermissionSettings;
import io.agentd.store.session.SessionRepository;
import io.agentd.store.session.SessionRow;
import io.agentd.store.session.SessionStatus;
import io.agentd.store.snapshot.SnapshotRepository;
import io.agentd.store.testing.TempDatabaseExtension;
import io.agentd.testkit.fakeclaude.FakeClaude;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Launching one session with a fake claude under the real spool wrapper: what is stored before Claude
 * runs, the argv it gets, and what a failed start leaves behind.
 */
@ExtendWith(TempDatabaseExtension.class)
class SessionLauncherTest {
    private static final String OUTPUT = "{\"type\":\"system\",\"subtype\":\"init\",\"session_id\":\"c-1\"}";

    @TempDir
    Path dir;

    private final RecordingSessionEvents events = new RecordingSessionEvents();

    @Test
    void storesTheSessionItsServersAndQueryThenStartsClaudeInItsSpool(Database db) throws Exception {
        FakeClaude fake = FakeClaude.builder().stdout(OUTPUT).exit(0).writeTo(dir.resolve("fake"));
        IngestContext ctx = context(db);
        Path work = Files.createDirectories(dir.resolve("work"));
        Map<String, McpServerSpec> servers = Map.of(
                "local", McpServerSpec.stdio("npx", List.of("server"), Map.of("K", "V")),
                "web", McpServerSpec.http("https://mcp.example/x", Map.of("Authorization", "Bearer t")));

        SessionLauncher.Spawned spawned = launcher(ctx).spawn(LaunchSpec.fresh("hello there", "t", "sonnet", work,
                LaunchConfig.empty(), servers, PermissionSettings.none()), fake.executable());
        String id = spawned.session().sessionId();
        ProcessHandle.of(spawned.session().identity().pid()).ifPresent(h -> h.onExit().join());

        SessionRow row = ctx.database().read(c -> ctx.sessions().find(c, id)).orElseThrow();
        assertThat(row).isEqualTo(spawned.row());
        assertThat(row.status()).isEqualTo(SessionStatus.STARTING);
        assertThat(row.workingDir()).isEqualTo(work.toString());
        assertThat(ctx.database().<List<McpServerRow>>read(c -> new McpServerRepository().bySession(c, id))).containsExactly(
                new McpServerRow.Stdio(id, "local", "npx", List.of("server"), Map.of("K", "V",
                        "HUMANLAYER_RUN_ID", row.runId(), "HUMANLAYER_DAEMON_SOCKET", dir.resolve("d.sock").toString())),
                new McpServerRow.Http(id, "web", "https://mcp.example/x", Map.of("Authorization", "Bearer t",
                        "X-Session-ID", id)));
        assertThat(ctx.database().<List<ConversationEventRow>>read(c -> ctx.conversation().bySession(c, id)))
                .extracting(ConversationEventRow::role, ConversationEventRow::content)
                .containsExactly(tuple("user", "hello there"));
        assertThat(events.changes()).containsExactly("conversation " + id + " message");
        ProcessRow process = ctx.database().read(c -> ctx.processes().find(c, id)).orElseThrow();
        assertThat(process.spoolDir()).isEqualTo(dir.resolve("spool").resolve(id).toString());
        assertThat(Path.of(process.mcpConfigPath())).exists();
        assertThat(process.pid()).isNull(); // stored by markRunning, once the session is registered
        assertThat(fake.lastArgs()).contains("hello there", "--mcp-config", process.mcpConfigPath(), "--model", "sonnet");
        assertThat(Files.readString(spawned.session().spool().stdout())).contains(OUTPUT);
        assertThat(SessionEnding.readExitCode(spawned.session().spool().exitCode())).isZero();
    }

    @Test
    void markRunningStoresTheProcessAndMovesTheSessionToRunning(Database db) throws Exception {
        FakeClaude fake = FakeClaude.builder().exit(0).writeTo(dir.resolve("fake"));
        IngestContext ctx = context(db);
        SessionLauncher launcher = launcher(ctx);
        SessionLauncher.Spawned spawned = launcher.spawn(LaunchSpec.fresh("", "", null, dir, LaunchConfig.empty(), Map.of(),
                PermissionSettings.none()), fake.executable());
        String id = spawned.session().sessionId();

        assertThat(launcher.markRunning(spawned)).isNull();

        assertThat(ctx.database().read(c -> ctx.sessions().find(c, id)).orElseThrow().status())
                .isEqualTo(SessionStatus.RUNNING);
        ProcessRow process = ctx.database().read(c -> ctx.processes().find(c, id)).orElseThrow();
        assertThat(process.pid()).isEqualTo(spawned.session().identity().pid());
        assertThat(process.startTime()).isEqualTo(spawned.session().identity().startTime());
        assertThat(process.mcpConfigPath()).isNull(); // no servers: no --mcp-config file
        assertThat(events.changes()).containsExactly("status " + id + " starting running");
    }

    @Test
    void aClaudeThatCannotStartLeavesTheSessionFailedWithTheReason(Database db) throws Exception {
        FakeClaude fake = FakeClaude.builder().exit(0).writeTo(dir.resolve("fake"));
        IngestContext ctx = context(db);
        Path gone = dir.resolve("no-such-dir");

        assertThatThrownBy(() -> launcher(ctx).spawn(LaunchSpec.fresh("q", "", null, gone, LaunchConfig.empty(),
                Map.of("local", McpServerSpec.stdio("npx", List.of(), Map.of())), PermissionSettings.none()),
                fake.executable()))
                .isInstanceOf(AgentdException.class).hasMessageStartingWith("failed to launch Claude session: ");

        SessionRow row = ctx.database().<List<SessionRow>>read(c -> ctx.sessions().list(c)).getFirst();
        assertThat(row.status()).isEqualTo(SessionStatus.FAILED);
        assertThat(row.outcome().errorMessage()).startsWith("failed to launch Claude session: ");
        ProcessRow process = ctx.database().read(c -> ctx.processes().find(c, row.id())).orElseThrow();
        assertThat(Path.of(process.mcpConfigPath())).doesNotExist();
        assertThat(fake.invocations()).isEmpty();
    }

    private SessionLauncher launcher(IngestContext ctx) {
        return new SessionLauncher(ctx, new SessionTransitions(ctx.sessions(), events, ctx.clock()), ProcessLauncher.create(),
                new McpInjection(List.of(), dir.resolve("d.sock")), new McpConfigFiles(), dir.resolve("spool"));
    }

    private IngestContext context(Database db) {
        return new IngestContext(db, new SessionRepository(), new ConversationRepository(), new RawEventRepository(),
                new SnapshotRepository(), new ProcessRepository(), new ApprovalRepository(), new StreamJsonParser(),
                events, Clock.systemUTC());
    }
}
