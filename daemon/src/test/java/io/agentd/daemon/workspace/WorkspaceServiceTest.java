package io.agentd.daemon.workspace;

import io.agentd.daemon.error.AgentdException;
import io.agentd.daemon.workspace.changes.ChangeStatus;
import io.agentd.daemon.workspace.changes.FileChange;
import io.agentd.daemon.workspace.changes.SessionChanges;
import io.agentd.daemon.workspace.git.Git;
import io.agentd.daemon.workspace.restore.RestoreAction;
import io.agentd.daemon.workspace.restore.RestoreResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.agentd.daemon.workspace.TempGit.run;
import static io.agentd.daemon.workspace.TempGit.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checkpoints, changes and restores against real git repositories. */
class WorkspaceServiceTest {
    @TempDir
    Path tmp;
    Path repo;
    WorkspaceService service;

    @BeforeEach
    void setUp() throws Exception {
        repo = TempGit.init(tmp.resolve("repo"));
        write(repo, "a.txt", "one\nold line\nthree\n");
        write(repo, "b.txt", "to be removed\n");
        write(repo, "keep/c.txt", "untouched\n");
        write(repo, ".gitignore", "build/\n");
        TempGit.commitAll(repo, "initial");
        service = new WorkspaceService(Git.onPath(), WorkspaceConfig.of(tmp.resolve("state"), tmp.resolve("wt")),
                Clock.systemUTC());
    }

    private static Map<String, FileChange> byPath(SessionChanges changes) {
        return changes.files().stream().collect(Collectors.toMap(FileChange::path, Function.identity()));
    }

    @Test
    void writeAndBashChangesAppearWithDiffs() throws Exception {
        service.checkpoint("s1", repo);
        write(repo, "new/written.txt", "hello\nworld\n");                     // what Write does
        run(repo, "sed", "-i", "s/old line/new line/", "a.txt");              // Bash: sed -i
        run(repo, "rm", "b.txt");                                             // Bash: rm
        run(repo, "sh", "-c", "mkdir -p build && echo out > build/x.o");      // ignored build output
        Files.write(repo.resolve("blob.bin"), new byte[]{1, 0, 2, 0});

        SessionChanges changes = service.changes("s1");

        assertThat(changes.source()).isEqualTo(SessionChanges.Source.GIT);
        assertThat(changes.truncated()).isFalse();
        Map<String, FileChange> files = byPath(changes);
        assertThat(files.keySet()).containsExactlyInAnyOrder("a.txt", "b.txt", "new/written.txt", "blob.bin");
        assertThat(files.get("a.txt").status()).isEqualTo(ChangeStatus.MODIFIED);
        assertThat(files.get("a.txt").diff()).contains("--- a/a.txt", "+++ b/a.txt", "-old line", "+new line", " one");
        assertThat(files.get("b.txt").status()).isEqualTo(ChangeStatus.DELETED);
        assertThat(files.get("b.txt").diff()).contains("+++ /dev/null", "-to be removed");
        assertThat(files.get("new/written.txt").status()).isEqualTo(ChangeStatus.ADDED);
        assertThat(files.get("new/written.txt").diff()).contains("--- /dev/null", "+hello", "+world");
        assertThat(files.get("blob.bin").binary()).isTrue();
        assertThat(files.get("blob.bin").diff()).isEmpty();
    }

    @Test
    void largeFilesAreMarkedNotDiffed() throws Exception {
        service.checkpoint("s1", repo);
        write(repo, "big.txt", "x".repeat(1024 * 1024 + 10));
        FileChange big = byPath(service.changes("s1")).get("big.txt");
        assertThat(big.large()).isTrue();
        assertThat(big.diff()).isEmpty();
        assertThat(big.note()).contains("not diffed");
    }

    @Test
    void checkpointAndRestoreKeepTheUsersStagedStateHeadAndStash() throws Exception {
        write(repo, "keep/c.txt", "staged content\n");
        run(repo, "git", "add", "keep/c.txt");
        write(repo, "keep/c.txt", "staged content\nplus an unstaged line\n");
        write(repo, "untracked.txt", "user's untracked file\n");
        run(repo, "git", "stash", "list");
        String status = run(repo, "git", "status", "--porcelain");
        String cached = run(repo, "git", "diff", "--cached");
        String head = run(repo, "git", "rev-parse", "HEAD");
        String branches = run(repo, "git", "branch", "-a");

        service.checkpoint("s1", repo);
        assertThat(run(repo, "git", "status", "--porcelain")).isEqualTo(status);
        assertThat(run(repo, "git", "diff", "--cached")).isEqualTo(cached);

        run(repo, "rm", "b.txt");
        write(repo, "created.txt", "made by the session\n");
        write(repo, "keep/c.txt", "overwritten by the session\n");
        run(repo, "rm", "untracked.txt");
        service.sessionEnded("s1");

        RestoreResult dry = service.restore("s1", true, false);
        assertThat(dry.applied()).isFalse();
        assertThat(dry.actions()).extracting(RestoreAction::path)
                .containsExactly("b.txt", "created.txt", "keep/c.txt", "untracked.txt");
        assertThat(repo.resolve("created.txt")).exists();

        RestoreResult done = service.restore("s1", false, false);
        assertThat(done.applied()).isTrue();
        assertThat(repo.resolve("b.txt")).hasContent("to be removed");
        assertThat(repo.resolve("created.txt")).doesNotExist();
        assertThat(repo.resolve("untracked.txt")).hasContent("user's untracked file");
        assertThat(repo.resolve("keep/c.txt")).hasContent("staged content\nplus an unstaged line");
        assertThat(run(repo, "git", "status", "--porcelain")).isEqualTo(status);
        assertThat(run(repo, "git", "diff", "--cached")).isEqualTo(cached);
        assertThat(run(repo, "git", "rev-parse", "HEAD")).isEqualTo(head);
        assertThat(run(repo, "git", "branch", "-a")).isEqualTo(branches);
        assertThat(run(repo, "git", "stash", "list")).isEmpty();
        assertThat(service.changes("s1").files()).isEmpty();
    }

    @Test
    void restoreRefusesWhenFilesChangedAfterTheSessionEndedUnlessForced() throws Exception {
        service.checkpoint("s1", repo);
        write(repo, "a.txt", "session edit\n");
        service.sessionEnded("s1");
        write(repo, "a.txt", "the user's edit after the session\n");

        RestoreResult dry = service.restore("s1", true, false);
        assertThat(dry.changedSinceEnd()).containsExactly("a.txt");
        assertThatThrownBy(() -> service.restore("s1", false, false))
                .isInstanceOf(AgentdException.class).hasMessageContaining("changed after session s1 ended");
        assertThat(repo.resolve("a.txt")).hasContent("the user's edit after the session");

        service.restore("s1", false, true);
        assertThat(repo.resolve("a.txt")).hasContent("one\nold line\nthree");
    }

    @Test
    void restoreNeverWritesThroughASymlinkLeadingOutside() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("a.txt"), "secret\n");
        Files.writeString(outside.resolve("c.txt"), "secret too\n");
        service.checkpoint("s1", repo);
        // The session swaps a tracked file and a tracked directory for symlinks out of the tree.
        Files.delete(repo.resolve("a.txt"));
        Files.createSymbolicLink(repo.resolve("a.txt"), outside.resolve("a.txt"));
        run(repo, "rm", "-r", "keep");
        Files.createSymbolicLink(repo.resolve("keep"), outside);

        service.restore("s1", false, true);

        assertThat(outside.resolve("a.txt")).hasContent("secret");
        assertThat(outside.resolve("c.txt")).hasContent("secret too");
        assertThat(Files.isSymbolicLink(repo.resolve("a.txt"))).isFalse();
        assertThat(repo.resolve("a.txt")).hasContent("one\nold line\nthree");
        assertThat(Files.isSymbolicLink(repo.resolve("keep"))).isFalse();
        assertThat(repo.resolve("keep/c.txt")).hasContent("untouched");
    }

    @Test
    void deletedSessionsLoseTheirRefs() {
        service.checkpoint("live", repo);
        service.checkpoint("gone", repo);
        service.sessionEnded("gone");
        assertThat(run(repo, "git", "for-each-ref", "--format=%(refname)", "refs/agentd/"))
                .contains("refs/agentd/checkpoints/gone", "refs/agentd/session-ends/gone");

        Set<String> pruned = service.pruneCheckpoints(Set.of("live"));

        assertThat(pruned).containsExactly("gone");
        assertThat(run(repo, "git", "for-each-ref", "--format=%(refname)", "refs/agentd/"))
                .isEqualTo("refs/agentd/checkpoints/live\n");
        assertThat(service.findCheckpoint("gone")).isEmpty();
        assertThat(service.findCheckpoint("live")).isPresent();
        assertThat(run(repo, "git", "branch", "--list")).doesNotContain("agentd");
    }

    @Test
    void worksInARepositoryWithoutCommitsAndFromASubdirectory() throws Exception {
        Path fresh = TempGit.init(tmp.resolve("fresh"));
        write(fresh, "sub/x.txt", "x\n");
        Checkpoint c = service.checkpoint("s2", fresh.resolve("sub"));
        assertThat(c.repoRoot()).isEqualTo(fresh.toRealPath());
        assertThat(run(fresh, "git", "status", "--porcelain")).isEqualTo("?? sub/\n");
        write(fresh, "top.txt", "outside the session's dir, inside the repository\n");
        Files.delete(fresh.resolve("sub/x.txt"));
        assertThat(service.changes("s2").files()).extracting(FileChange::path, FileChange::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sub/x.txt", ChangeStatus.DELETED),
                        org.assertj.core.groups.Tuple.tuple("top.txt", ChangeStatus.ADDED));
        service.restore("s2", false, false);
        assertThat(fresh.resolve("sub/x.txt")).hasContent("x");
        assertThat(fresh.resolve("top.txt")).doesNotExist();
        assertThat(run(fresh, "git", "status", "--porcelain")).isEqualTo("?? sub/\n");
    }

    @Test
    void unsafeSessionIdsAndUnknownSessionsAreClearErrors() {
        assertThatThrownBy(() -> service.checkpoint("../x", repo)).isInstanceOf(AgentdException.class)
                .hasMessageContaining("session id");
        assertThatThrownBy(() -> service.changes("nosuch")).isInstanceOf(AgentdException.class)
                .hasMessageContaining("no checkpoint");
    }
}
