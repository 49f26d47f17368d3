package io.agentd.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentd.testkit.claude.ClaudeCli;
import io.agentd.testkit.daemon.ClaudeDaemon;
import io.agentd.testkit.daemon.DaemonProcess;
import io.agentd.testkit.fakeapi.FakeAnthropicApi;
import io.agentd.testkit.fakeapi.Reply;
import io.agentd.testkit.fakeapi.Script;
import io.agentd.testkit.fakeapi.Usage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * agentctl against the real daemon, which runs the real Claude Code CLI against the fake Anthropic API:
 * every assertion is on what a user of agentctl sees. One daemon serves the whole class to keep it quick;
 * each test works on sessions of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class AgentctlAgainstDaemonIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern SESSION_ID = Pattern.compile("(?m)^session\\s+(\\S+)$");
    private static final Pattern STATUS = Pattern.compile("(?m)^status\\s+(\\S+)");

    private FakeAnthropicApi api;
    private ClaudeDaemon claude;
    private Path work;
    private Agentctl agentctl;

    @BeforeAll
    void startDaemon() throws Exception {
        Path dir = DaemonProcess.tempDir();
        api = FakeAnthropicApi.start();
        claude = new ClaudeDaemon(dir, api, Map.of());
        work = Files.createDirectories(dir.resolve("work"));
        claude.start(List.of());
        agentctl = new Agentctl(claude.daemon().socket(), work);
    }

    @AfterAll
    void stopDaemon() {
        claude.close();
        api.close();
    }

    @Test
    void healthShowsTheDaemonAndTheClaudeCliItWillRun() throws Exception {
        Agentctl.Run health = agentctl.run("health");
        assertThat(health.exitCode()).as(health.toString()).isZero();
        assertThat(health.out()).as(health.toString())
                .containsPattern("(?m)^status\\s+ok$")
                .contains(claude.daemon().socket().toString())
                .containsPattern("(?m)^claude\\s+" + Pattern.quote(ClaudeCli.require() + " (" + ClaudeCli.VERSION + ")") + "$");
    }

    @Test
    void aLaunchedSessionCanBeWaitedForListedShownAndRead() throws Exception {
        Path notes = Files.writeString(work.resolve("notes.txt"),
                "alpha\nbeta\ngamma\ndelta\nepsilon\nzeta\neta\ntheta\niota\nkappa\nlambda\nmu\n");
        api.script("read", Script.of(
                Reply.toolUse("Read", Map.of("file_path", notes.toString())).withUsage(new Usage(100, 20, 5, 7)),
                Reply.thinking("The file lists Greek letters.", "The notes list twelve Greek letters.")
                        .withUsage(new Usage(150, 30, 11, 13))));

        Agentctl.Run launch = agentctl.run("launch", Script.tag("read") + " summarise notes.txt", "--dir",
                work.toString(), "--model", "sonnet", "--allowed-tools", "Read", "--wait");
        assertThat(launch.exitCode()).as(launch.toString()).isZero();
        assertThat(launch.out()).as(launch.toString())
                .containsPattern("(?m)^status\\s+completed$")
                .contains("The notes list twelve Greek letters.");
        String id = sessionId(launch);
        String prefix = id.substring(0, 8);

        Agentctl.Run ls = agentctl.run("ls");
        assertThat(ls.exitCode()).as(ls.toString()).isZero();
        String row = line(ls.out(), prefix);
        assertThat(row).as(ls.toString())
                .contains("completed")
                .contains("sonnet")
                .containsPattern("\\$\\d+\\.\\d+")
                .contains("summarise notes.txt");
        assertThat(row.split("\\s{2,}")[4]).as("tokens column of: " + row).matches("\\d[\\d.,]*k?");

        Agentctl.Run show = agentctl.run("show", prefix);
        assertThat(show.exitCode()).as(show.toString()).isZero();
        assertThat(show.out()).as(show.toString())
                .containsPattern("(?m)^id\\s+" + id + "$")
                .containsPattern("(?m)^status\\s+completed$")
                .containsPattern("(?m)^model\\s+sonnet")
                .containsPattern("(?m)^working dir\\s+" + Pattern.quote(work.toString()) + "$")
                .containsPattern("(?m)^created\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\(")
                .containsPattern("(?m)^completed\\s+\\d{4}-\\d\\d-\\d\\d")
                .containsPattern("(?m)^cost\\s+\\$")
                .containsPattern("(?m)^tokens\\s+150 in, \\d+ out, cache 13 read / 11 written$")
                .containsPattern("(?m)^turns\\s+2$")
                .containsPattern("(?m)^result\\s+The notes list twelve Greek letters\\.$");

        Agentctl.Run conversation = agentctl.run("conversation", prefix);
        assertThat(conversation.exitCode()).as(conversation.toString()).isZero();
        assertThat(conversation.out()).as(conversation.toString())
                .containsSubsequence("USER", "summarise notes.txt",
                        "ASSISTANT", "⏺ Read(file_path: " + notes + ")",
                        "⎿", "alpha", "more lines",
                        "✻ thinking", "┊ The file lists Greek letters.",
                        "The notes list twelve Greek letters.")
                .doesNotContain("lambda");
    }

    @Test
    void continueMakesAChildSessionThatCarriesTheConversation() throws Exception {
        api.script("chat", Script.of(Reply.text("First answer."), Reply.text("Second answer.")));
        Agentctl.Run launch = agentctl.run("launch", Script.tag("chat") + " first question", "--wait");
        assertThat(launch.exitCode()).as(launch.toString()).isZero();
        String parent = sessionId(launch);

        Agentctl.Run cont = agentctl.run("continue", parent.substring(0, 8), "second question", "--wait");
        assertThat(cont.exitCode()).as(cont.toString()).isZero();
        assertThat(cont.out()).as(cont.toString())
                .containsPattern("(?m)^parent\\s+" + parent + "$")
                .containsPattern("(?m)^status\\s+completed$")
                .contains("Second answer.");
        String child = sessionId(cont);
        assertThat(child).isNotEqualTo(parent);

        Agentctl.Run show = agentctl.run("show", child.substring(0, 8));
        assertThat(show.out()).as(show.toString()).containsPattern("(?m)^parent\\s+" + parent + "$");
        Agentctl.Run conversation = agentctl.run("conversation", child.substring(0, 8));
        assertThat(conversation.out()).as(conversation.toString())
                .containsSubsequence("first question", "First answer.", "second question", "Second answer.");
        Agentctl.Run ls = agentctl.run("ls");
        assertThat(ls.out()).as("ls shows the newest of the chain only\n" + ls)
                .contains(child.substring(0, 8))
                .doesNotContain(parent.substring(0, 8));
    }

    @Test
    void interruptStopsAHangingSession() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        api.script("hang", Script.of(Reply.hang(never)));
        try {
            Agentctl.Run launch = agentctl.run("launch", Script.tag("hang") + " wait forever");
            assertThat(launch.exitCode()).as(launch.toString()).isZero();
            String prefix = sessionId(launch).substring(0, 8);
            awaitShow(prefix, "(?m)^claude session\\s+\\S+");

            Agentctl.Run interrupt = agentctl.run("interrupt", prefix);
            assertThat(interrupt.exitCode()).as(interrupt.toString()).isZero();
            assertThat(interrupt.out()).as(interrupt.toString()).contains("interrupting " + prefix);

            assertThat(awaitStatus(prefix, "completed", "failed", "interrupted")).isEqualTo("interrupted");
            assertThat(line(agentctl.run("ls").out(), prefix)).contains("interrupted");
        } finally {
            never.countDown();
        }
    }

    @Test
    void archiveHidesASessionFromLsButNotFromLsArchived() throws Exception {
        api.script("archive", Script.of(Reply.text("Done.")));
        Agentctl.Run launch = agentctl.run("launch", Script.tag("archive") + " something to archive", "--wait");
        assertThat(launch.exitCode()).as(launch.toString()).isZero();
        String prefix = sessionId(launch).substring(0, 8);
        assertThat(agentctl.run("ls").out()).contains(prefix);

        Agentctl.Run archive = agentctl.run("archive", prefix);
        assertThat(archive.exitCode()).as(archive.toString()).isZero();
        assertThat(archive.out()).isEqualTo("archived " + prefix + "\n");

        assertThat(agentctl.run("ls").out()).doesNotContain(prefix);
        Agentctl.Run archived = agentctl.run("ls", "--archived");
        assertThat(archived.exitCode()).as(archived.toString()).isZero();
        assertThat(line(archived.out(), prefix)).contains("completed").contains("something to archive");
        assertThat(agentctl.run("show", prefix).out()).containsPattern("(?m)^status\\s+completed \\(archived\\)$");

        Agentctl.Run undo = agentctl.run("archive", prefix, "--undo");
        assertThat(undo.exitCode()).as(undo.toString()).isZero();
        assertThat(agentctl.run("ls").out()).contains(prefix);
    }

    @Test
    void aSessionTheApiRejectsEndsFailedAndLaunchWaitSaysWhy() throws Exception {
        api.script("reject", Script.always(Reply.badRequest("prompt is too long")));
        Agentctl.Run launch = agentctl.run("launch", Script.tag("reject") + " too much", "--wait");
        assertThat(launch.exitCode()).as(launch.toString()).isNotZero();
        assertThat(launch.out()).as(launch.toString())
                .containsPattern("(?m)^status\\s+failed$")
                .containsPattern("(?m)^error\\s+Prompt is too long");
        assertThat(launch.out().split("Prompt is too long", -1)).as("the error is printed once\n" + launch).hasSize(2);
        String prefix = sessionId(launch).substring(0, 8);
        assertThat(line(agentctl.run("ls").out(), prefix)).contains("failed");
        assertThat(agentctl.run("show", prefix).out()).containsPattern("(?m)^error\\s+Prompt is too long");
    }

    @Test
    void tailPrintsTheConversationSoFarThenFollowsItUntilItEnds() throws Exception {
        api.script("tail", Script.of(
                Reply.toolUse("Bash", Map.of("command", "sleep 2; echo rested", "description", "rest")),
                Reply.text("Rested and done.")));
        Agentctl.Run launch = agentctl.run("launch", Script.tag("tail") + " rest a while", "--allowed-tools", "Bash");
        assertThat(launch.exitCode()).as(launch.toString()).isZero();
        String prefix = sessionId(launch).substring(0, 8);
        awaitShow(prefix, "(?m)^claude session\\s+\\S+");

        Agentctl.Run tail = agentctl.run("tail", prefix);

        assertThat(tail.exitCode()).as(tail.toString()).isZero();
        assertThat(tail.out()).as(tail.toString())
                .containsSubsequence("rest a while", "Bash", "rested", "Rested and done.", "— session completed");
        assertThat(tail.out().split("Rested and done\\.", -1)).as("the answer is printed once").hasSize(2);
    }

    @Test
    void watchPrintsEachChangeAsItHappens() throws Exception {
        api.script("watch", Script.of(Reply.text("Watched.")));
        Agentctl.Run launch = agentctl.run("launch", Script.tag("watch") + " be watched", "--wait");
        assertThat(launch.exitCode()).as(launch.toString()).isZero();
        String id = sessionId(launch);
        java.io.StringWriter out = new java.io.StringWriter();
        Thread watcher = Thread.ofPlatform().daemon(true).start(() ->
                agentctl.runInto(out, "watch", "--session", id, "--since", "0"));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!out.toString().contains("status running → completed") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        watcher.interrupt();
        assertThat(out.toString()).as(out.toString())
                .containsSubsequence(id.substring(0, 8), "user: ", "be watched", "status starting → running",
                        "assistant: Watched.", "status running → completed");
    }

    @Test
    void anUnknownSessionIsAOneLineErrorWithExitCodeOne() {
        Agentctl.Run show = agentctl.run("show", "ffffffff-no-such");
        assertThat(show.exitCode()).isEqualTo(1);
        assertThat(show.out()).isEmpty();
        assertThat(show.err()).isEqualTo("error: no session matches 'ffffffff-no-such'\n");
    }

    private static String sessionId(Agentctl.Run run) {
        Matcher m = SESSION_ID.matcher(run.out());
        assertThat(m.find()).as("a session id in\n" + run).isTrue();
        return m.group(1);
    }

    private static String line(String text, String containing) {
        return text.lines().filter(l -> l.contains(containing)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with " + containing + " in\n" + text));
    }

    /** Polls {@code show} until its status is one of {@code statuses}; returns that status. */
    private String awaitStatus(String prefix, String... statuses) throws Exception {
        String shown = awaitShow(prefix, "(?m)^status\\s+(" + String.join("|", statuses) + ")\\b");
        Matcher m = STATUS.matcher(shown);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private String awaitShow(String prefix, String regex) throws Exception {
        Pattern wanted = Pattern.compile(regex);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Agentctl.Run show = null;
        while (System.nanoTime() < deadline) {
            show = agentctl.run("show", prefix);
            if (show.exitCode() == 0 && wanted.matcher(show.out()).find()) {
                return show.out();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("show " + prefix + " never matched " + regex + ":\n" + show
                + "\ndaemon stderr:\n" + claude.daemon().stderr());
    }
}
