package io.agentd.daemon.workspace;

import io.agentd.daemon.session.FakeClaudeDaemon;
import io.agentd.daemon.session.stream.Transcripts;
import io.agentd.testkit.daemon.LineClient;
import io.agentd.testkit.fakeclaude.FakeClaude;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real daemon records what a session changed in a git repository, whoever wrote the files: the
 * checkpoint is taken before Claude starts, the changes are stored when it ends, and the user's index is
 * never touched. The fake claude waits while the test writes into the tree, as a Bash tool would.
 */
class SessionChangesIT {
    private FakeClaudeDaemon agentd;
    private Path repo;

    @BeforeEach
    void setUp() throws Exception {
        agentd = new FakeClaudeDaemon();
        repo = Files.createDirectories(agentd.dir().resolve("repo"));
        git("init", "-q", "-b", "main");
        Files.writeString(repo.resolve("kept.txt"), "one\ntwo\n");
        Files.writeString(repo.resolve("gone.txt"), "bye\n");
        git("add", "-A");
        git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "base");
        Files.writeString(repo.resolve("staged.txt"), "staged before the session\n");
        git("add", "staged.txt");
    }

    @AfterEach
    void tearDown() throws Exception {
        agentd.close();
    }

    @Test
    void aSessionsChangesAreStoredWithItAndTheIndexIsLeftAlone() throws Exception {
        List<String> text = Files.readAllLines(Transcripts.dir().resolve("text.jsonl")).stream()
                .filter(l -> !l.isBlank()).toList();
        Path go = agentd.dir().resolve("go");
        agentd.fake(FakeClaude.builder().stdout(text.get(0)).awaitFile(go).stdout(text.get(1), text.get(2)).exit(0));
        agentd.start();
        String statusBefore = git("status", "--porcelain");
        String cachedBefore = git("diff", "--cached");

        String id = agentd.launch("edit things", Map.of("working_dir", repo.toString()));
        agentd.awaitStatus(id, Set.of("running"));
        Files.writeString(repo.resolve("kept.txt"), "one\n2\n");
        Files.delete(repo.resolve("gone.txt"));
        Files.writeString(repo.resolve("new.txt"), "fresh\n");
        Files.writeString(go, "");
        assertThat(agentd.awaitEnd(id).path("status").asString()).isEqualTo("completed");

        // The changes are stored right after the final status, so a client may ask in between: it then gets
        // them computed live, and the stored ones a moment later.
        JsonNode changes = await().atMost(FakeClaudeDaemon.TIMEOUT).until(() -> {
            try (LineClient client = agentd.client()) {
                return client.result("getSessionChanges", Map.of("session_id", id));
            }
        }, c -> c.path("stored").asBoolean());
        assertThat(changes.path("source").asString()).isEqualTo("git");
        Map<String, JsonNode> byPath = new java.util.HashMap<>();
        changes.path("files").forEach(f -> byPath.put(f.path("path").asString(), f));
        assertThat(byPath).containsOnlyKeys("kept.txt", "gone.txt", "new.txt");
        assertThat(byPath.get("kept.txt").path("status").asString()).isEqualTo("modified");
        assertThat(byPath.get("kept.txt").path("diff").asString()).contains("-two").contains("+2");
        assertThat(byPath.get("gone.txt").path("status").asString()).isEqualTo("deleted");
        assertThat(byPath.get("new.txt").path("status").asString()).isEqualTo("added");
        assertThat(byPath.get("new.txt").path("diff").asString()).contains("+fresh");

        // The tree the user sees changed; what they had staged did not.
        assertThat(git("diff", "--cached")).isEqualTo(cachedBefore);
        assertThat(git("status", "--porcelain")).contains("A  staged.txt").isNotEqualTo(statusBefore);
    }

    @Test
    void aSessionOutsideGitRecordsNothingAndSaysSo() throws Exception {
        List<String> text = Files.readAllLines(Transcripts.dir().resolve("text.jsonl")).stream()
                .filter(l -> !l.isBlank()).toList();
        agentd.fake(FakeClaude.builder().stdout(text).exit(0));
        agentd.start();
        String id = agentd.launch("nothing to track");
        agentd.awaitEnd(id);

        try (LineClient client = agentd.client()) {
            JsonNode answer = client.call("getSessionChanges", Map.of("session_id", id));
            assertThat(answer.path("error").path("message").asString()).contains("no changes recorded");
        }
    }

    private String git(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", repo.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("git %s: %s", String.join(" ", args), out).isZero();
        return out;
    }
}
