package io.agentd.e2e;

import io.agentd.testkit.claude.ClaudeCli;
import io.agentd.testkit.claude.ClaudeEnvironment;
import io.agentd.testkit.daemon.DaemonProcess;
import io.agentd.testkit.daemon.LineClient;
import io.agentd.testkit.fakeapi.FakeAnthropicApi;
import io.agentd.testkit.fakeapi.Reply;
import io.agentd.testkit.fakeapi.Script;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first run of a fresh checkout: {@code bin/agentd} in a copy of the sources where nothing was ever built
 * (no {@code target/}, so no CLI jar) builds what the daemon injects, and the very first session that needs a
 * permission gets a working approval from agentd's own approvals server.
 */
@Timeout(900)
class FreshTreeIT {
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(12);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Set<String> TERMINAL = Set.of("completed", "failed", "interrupted");
    /** What a fresh clone does not have, at any depth: build output, IDE and VCS folders. */
    private static final Set<String> NOT_IN_A_CLONE = Set.of("target", ".git", ".idea", ".vscode", "node_modules");

    private FakeAnthropicApi api;
    private DaemonProcess daemon;

    @AfterEach
    void tearDown() {
        if (daemon != null) {
            daemon.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    void binAgentdBuildsTheCliJarItInjectsAndTheFirstSessionGetsAnApproval() throws Exception {
        Path dir = DaemonProcess.tempDir();
        Path tree = copySources(Path.of(System.getProperty("agentd.root", "..")).toAbsolutePath().normalize(),
                dir.resolve("agentd"));
        Path cliJar = tree.resolve("client-cli/target/agentd-cli.jar");
        assertThat(cliJar).doesNotExist();

        // The build step exactly as a user's first `bin/agentd` runs it (with the user's own Maven caches).
        ProcessBuilder builder = new ProcessBuilder(tree.resolve("bin/agentd").toString(), "--help")
                .redirectErrorStream(true).redirectOutput(dir.resolve("build.log").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("HUMANLAYER_") || k.startsWith("AGENTD_"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("AGENTD_AOT", "0");
        Process build = builder.start();
        build.getOutputStream().close();
        assertThat(build.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("build within " + BUILD_TIMEOUT).isTrue();
        assertThat(build.exitValue()).as(Files.readString(dir.resolve("build.log"))).isZero();
        assertThat(cliJar).as("bin/agentd builds the approvals server it injects").isRegularFile();

        api = FakeAnthropicApi.start();
        Path home = Files.createDirectories(dir.resolve("home"));
        Map<String, String> env = new HashMap<>(new ClaudeEnvironment(api.baseUrl(), home).variables());
        env.put("HUMANLAYER_CLAUDE_PATH", ClaudeCli.require().toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("AGENTD_AOT", "0");
        // No --approvals-command: the daemon's default, the CLI jar beside it.
        daemon = DaemonProcess.startLauncher(tree.resolve("bin/agentd"), dir, List.of(), env);
        daemon.awaitReady(Duration.ofSeconds(60));
        JsonNode approvals = health().get("approvals_server");
        assertThat(approvals.path("ok").asBoolean()).as(approvals.toString()).isTrue();
        assertThat(approvals.path("command").asString()).contains(cliJar.toString());

        Path work = Files.createDirectories(dir.resolve("work"));
        Path target = work.resolve("first.txt");
        api.script("first", Script.of(Reply.toolUse("Write", Map.of("file_path", target.toString(), "content", "first!")),
                Reply.text("Written.")));
        String id;
        try (LineClient client = daemon.client()) {
            id = client.result("launchSession", Map.of("query", Script.tag("first") + " write the file",
                    "working_dir", work.toString())).path("session_id").asString();
        }
        JsonNode approval = awaitPendingApproval(id);
        assertThat(approval.path("tool_name").asString()).isEqualTo("Write");
        try (LineClient client = daemon.client()) {
            assertThat(client.result("sendDecision", Map.of("approval_id", approval.path("id").asString(),
                    "decision", "approve")).path("success").asBoolean()).isTrue();
        }
        JsonNode session = awaitTerminal(id);
        assertThat(session.path("status").asString()).as(session.toString()).isEqualTo("completed");
        assertThat(session.get("permission_denials")).isEmpty();
        assertThat(Files.readString(target)).isEqualTo("first!");
    }

    /** The project's files as a clone has them; modification times kept, so the launcher's freshness check is real. */
    private static Path copySources(Path root, Path copy) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                boolean installedTools = d.equals(root.resolve("tools")); // git-ignored at the top only
                if (!d.equals(root) && (installedTools || NOT_IN_A_CLONE.contains(d.getFileName().toString()))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(copy.resolve(root.relativize(d).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile() && !f.getFileName().toString().endsWith(".db")) {
                    Files.copy(f, copy.resolve(root.relativize(f).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return copy;
    }

    private JsonNode health() throws Exception {
        try (LineClient client = daemon.client()) {
            return client.result("health", null);
        }
    }

    private JsonNode awaitPendingApproval(String id) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try (LineClient client = daemon.client()) {
            while (System.nanoTime() < deadline) {
                JsonNode pending = client.result("fetchApprovals", Map.of("session_id", id)).get("approvals");
                if (!pending.isEmpty()) {
                    return pending.get(0);
                }
                Thread.sleep(50);
            }
            throw new AssertionError("no approval for " + id + ": " + client.result("getSessionState",
                    Map.of("session_id", id)) + "\ndaemon stderr:\n" + daemon.stderr());
        }
    }

    private JsonNode awaitTerminal(String id) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        JsonNode session = null;
        try (LineClient client = daemon.client()) {
            while (System.nanoTime() < deadline) {
                session = client.result("getSessionState", Map.of("session_id", id)).get("session");
                if (TERMINAL.contains(session.path("status").asString())) {
                    return session;
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("session " + id + " did not end: " + session + "\n" + daemon.stderr());
    }
}
