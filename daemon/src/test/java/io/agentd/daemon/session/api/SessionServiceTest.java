package io.agentd.daemon.session.api;

import static io.agentd.daemon.session.api.StoredSessions.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentd.daemon.approval.PermissionPolicy;
import io.agentd.daemon.error.AgentdException;
import io.agentd.daemon.error.ErrorKind;
import io.agentd.daemon.session.LaunchSpec;
import io.agentd.daemon.session.McpServerSpec;
import io.agentd.daemon.session.RecordingSessionEvents;
import io.agentd.daemon.session.SessionContinuation;
import io.agentd.daemon.session.SessionSupervisor;
import io.agentd.store.Database;
import io.agentd.store.session.PermissionSettings;
import io.agentd.store.session.SessionRepository;
import io.agentd.store.session.SessionRow;
import io.agentd.store.testing.TempDatabaseExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The session use cases on a real temp database, with processes recorded instead of started. */
@ExtendWith(TempDatabaseExtension.class)
class SessionServiceTest {
    private final RecordingSessionEvents events = new RecordingSessionEvents();
    private final RecordingRunner runner = new RecordingRunner();
    private final List<String> bypassEnabled = new ArrayList<>();
    private final PermissionPolicy policy = new PermissionPolicy(Clock.fixed(T0, ZoneOffset.UTC));
    private Database database;
    private Path home;
    private Path cwd;
    private SessionService service;

    @BeforeEach
    void setUp(Database database, @TempDir Path tmp) throws IOException {
        this.database = database;
        home = Files.createDirectories(tmp.resolve("home"));
        cwd = Files.createDirectories(tmp.resolve("cwd"));
        Files.createDirectories(home.resolve("proj"));
        service = service(runner);
        StoredSessions store = new StoredSessions(database);
        store.insert(StoredSessions.bare("s1", null, T0));
        store.insert(StoredSessions.bare("s2", null, T0));
    }

    private SessionService service(SessionRunner r) {
        return new SessionService(r, database, events, policy, (tx, id) -> bypassEnabled.add(id), home, cwd);
    }

    private static LaunchRequest request(String workingDir, String model, List<String> dirs, boolean bypass,
                                         Long timeoutMs) {
        return new LaunchRequest("hello", "a title", model, workingDir, 3, "sys", "append", "custom", "approve_tool",
                List.of("Read"), List.of("Bash"), dirs, Map.of("fs", McpServerSpec.stdio("fs-server", List.of(), Map.of())),
                true, bypass, timeoutMs);
    }

    private PermissionSettings permissions(String id) {
        return database.read(c -> new SessionRepository().find(c, id)).map(SessionRow::permissions).orElseThrow();
    }

    @Test
    void launchResolvesPathsAndAppliesThePermissionPolicy() {
        SessionSupervisor.Launched launched = service.launch(request("~/proj", "claude-opus-4[1m]",
                List.of("lib", "~", "/abs/x/../y"), true, 5_000L));

        assertThat(launched).isEqualTo(new SessionSupervisor.Launched("s1", "r1"));
        LaunchSpec spec = runner.launched.getFirst();
        assertThat(spec.query()).isEqualTo("hello");
        assertThat(spec.title()).isEqualTo("a title");
        assertThat(spec.model()).isEqualTo("claude-opus-4[1m]");
        assertThat(spec.workingDir()).isEqualTo(home.resolve("proj"));
        assertThat(spec.config().additionalDirectories())
                .containsExactly(cwd.resolve("lib").toString(), home.toString(), "/abs/y");
        assertThat(spec.config().maxTurns()).isEqualTo(3);
        assertThat(spec.config().allowedTools()).containsExactly("Read");
        assertThat(spec.mcpServers()).containsOnlyKeys("fs");
        assertThat(spec.permissions()).isEqualTo(new PermissionSettings(true, true, T0.plusSeconds(5), 5_000L));
        assertThat(spec.parentSessionId()).isNull();
        assertThat(spec.resumeClaudeSessionId()).isNull();
    }

    @Test
    void launchWithoutADirectoryUsesTheDaemonsAndIgnoresWhatIsNotAModelName() {
        service.launch(request(" ", "opus; rm -rf /", null, false, 5_000L));

        LaunchSpec spec = runner.launched.getFirst();
        assertThat(spec.workingDir()).isEqualTo(cwd);
        assertThat(spec.model()).isNull();
        assertThat(spec.config().additionalDirectories()).isEmpty();
        assertThat(spec.permissions()).isEqualTo(new PermissionSettings(true, false, null, null));
    }

    @Test
    void launchRefusesAMissingDirectoryOrAFileBeforeStartingAnything() throws IOException {
        Files.writeString(cwd.resolve("file"), "x");

        assertThatThrownBy(() -> service.launch(request("nope", null, null, false, null)))
                .isInstanceOfSatisfying(AgentdException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_PARAMS))
                .hasMessage("working directory does not exist: " + cwd.resolve("nope"));
        assertThatThrownBy(() -> service.launch(request("file", null, null, false, null)))
                .isInstanceOfSatisfying(AgentdException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_PARAMS))
                .hasMessage("working directory is not a directory: " + cwd.resolve("file"));
        assertThat(runner.launched).isEmpty();
    }

    @Test
    void continueResolvesTheDirectoriesAndPassesEverythingElseOn() {
        SessionContinuation.Overrides asked = new SessionContinuation.Overrides("again", "sys", null, null, null,
                List.of("Read"), null, List.of("sub", "~/proj"), null, 7);

        SessionSupervisor.Launched launched = service.continueSession("s1", asked);

        assertThat(launched).isEqualTo(new SessionSupervisor.Launched("child-of-s1", "run-1"));
        SessionContinuation.Overrides passed = runner.continued.getFirst();
        assertThat(passed.additionalDirectories()).containsExactly(cwd.resolve("sub").toString(),
                home.resolve("proj").toString());
        assertThat(passed.query()).isEqualTo("again");
        assertThat(passed.systemPrompt()).isEqualTo("sys");
        assertThat(passed.allowedTools()).containsExactly("Read");
        assertThat(passed.maxTurns()).isEqualTo(7);
    }

    @Test
    void aContinuationInterruptedByShutdownIsReportedAsUnavailable() {
        SessionService stopping = service(new SessionRunner() {
            @Override
            public SessionSupervisor.Launched launch(LaunchSpec spec) {
                throw new AssertionError("not launched");
            }

            @Override
            public void interrupt(String sessionId) {
            }

            @Override
            public SessionSupervisor.Launched continueSession(String parentId, SessionContinuation.Overrides o)
                    throws InterruptedException {
                throw new InterruptedException("shutdown");
            }
        });
        try {
            assertThatThrownBy(() -> stopping.continueSession("s1", new SessionContinuation.Overrides("q", null, null,
                    null, null, null, null, null, null, null)))
                    .isInstanceOfSatisfying(AgentdException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE))
                    .hasMessage("daemon is shutting down");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void interruptAsksTheRunnerAndPassesItsRefusalOn() {
        service.interrupt("s1");
        assertThat(runner.interrupted).containsExactly("s1");
        assertThatThrownBy(() -> service.interrupt("idle-1"))
                .isInstanceOfSatisfying(AgentdException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT));
    }

    @Test
    void switchingBypassOnStoresItsExpiryAndApprovesWhatWaitsInTheSameTransaction() {
        service.updateSettings(new SettingsUpdate("s1", true, true, 60_000L));

        assertThat(permissions("s1")).isEqualTo(new PermissionSettings(true, true, T0.plusSeconds(60), 60_000L));
        assertThat(bypassEnabled).containsExactly("s1");
        assertThat(events.changes()).containsExactly("settings s1");
    }

    @Test
    void switchingBypassOffOrOnlyAutoAcceptApprovesNothing() {
        service.updateSettings(new SettingsUpdate("s1", null, true, null));
        bypassEnabled.clear();

        service.updateSettings(new SettingsUpdate("s1", true, null, null));
        assertThat(permissions("s1")).isEqualTo(new PermissionSettings(true, true, null, null));
        service.updateSettings(new SettingsUpdate("s1", null, false, 1_000L));
        assertThat(permissions("s1")).isEqualTo(new PermissionSettings(true, false, null, null));
        assertThat(bypassEnabled).isEmpty();
    }

    @Test
    void settingsOfAnUnknownSessionAreNotFoundAndChangeNothing() {
        assertThatThrownBy(() -> service.updateSettings(new SettingsUpdate("nope", true, true, null)))
                .isInstanceOfSatisfying(AgentdException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND))
                .hasMessage("session not found: nope");
        assertThat(bypassEnabled).isEmpty();
        assertThat(events.changes()).isEmpty();
    }

    @Test
    void bulkArchiveListsTheUnknownIdsInRequestOrderAndArchivesTheRest() {
        assertThat(service.bulkArchive(List.of("x", "s2", "y", "s1"), true)).containsExactly("x", "y");
        assertThat(events.changes()).containsExactly("archived s2 true", "archived s1 true");
        assertThat(service.bulkArchive(List.of("s1"), false)).isEmpty();
    }

    @Test
    void aTitleChangeIsStoredAndTold() {
        service.updateTitle("s1", "renamed");
        assertThat(database.read(c -> new SessionRepository().find(c, "s1")).orElseThrow().title()).isEqualTo("renamed");
        assertThat(events.changes()).containsExactly("title s1 renamed");
        assertThatThrownBy(() -> service.updateTitle("nope", "x"))
                .hasMessage("failed to update session: session not found: nope");
    }
}
