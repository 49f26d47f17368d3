package io.agentd.daemon.workspace;

import io.agentd.daemon.workspace.git.Git;
import io.agentd.daemon.workspace.worktree.CleanupOutcome;
import io.agentd.daemon.workspace.worktree.CleanupRequest;
import io.agentd.daemon.workspace.worktree.Worktree;
import io.agentd.daemon.workspace.worktree.WorktreeStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import static io.agentd.daemon.workspace.TempGit.run;
import static io.agentd.daemon.workspace.TempGit.write;
import static org.assertj.core.api.Assertions.assertThat;

/** Session worktrees on a real repository. */
class WorktreesTest {
    @TempDir
    Path tmp;
    Path repo;
    WorkspaceService service;

    @BeforeEach
    void setUp() throws Exception {
        repo = TempGit.init(tmp.resolve("proj"));
        write(repo, "shared.txt", "main\n");
        TempGit.commitAll(repo, "initial");
        service = new WorkspaceService(Git.onPath(), WorkspaceConfig.of(tmp.resolve("state"), tmp.resolve("wt")),
                Clock.systemUTC());
    }

    @Test
    void twoSessionsWriteTheSamePathWithoutTouchingEachOtherOrTheMainTree() throws Exception {
        Worktree one = service.createWorktree("aaaaaaaa-1111", repo);
        Worktree two = service.createWorktree("bbbbbbbb-2222", repo);
        assertThat(one.path()).isEqualTo(tmp.resolve("wt/proj-aaaaaaaa"));
        assertThat(one.branch()).isEqualTo("agentd/aaaaaaaa");

        write(one.path(), "shared.txt", "session one\n");
        write(two.path(), "shared.txt", "session two\n");
        run(two.path(), "git", "commit", "-qam", "two's work");

        assertThat(one.path().resolve("shared.txt")).hasContent("session one");
        assertThat(two.path().resolve("shared.txt")).hasContent("session two");
        assertThat(repo.resolve("shared.txt")).hasContent("main");
        assertThat(run(repo, "git", "status", "--porcelain")).isEmpty();
        assertThat(run(repo, "git", "symbolic-ref", "--short", "HEAD").strip()).isEqualTo("main");

        WorktreeStatus s1 = service.worktree("aaaaaaaa-1111").orElseThrow();
        WorktreeStatus s2 = service.worktree("bbbbbbbb-2222").orElseThrow();
        assertThat(s1.dirty()).isTrue();
        assertThat(s1.commitsAhead()).isZero();
        assertThat(s2.dirty()).isFalse();
        assertThat(s2.commitsAhead()).isEqualTo(1);
        assertThat(s2.branch()).isEqualTo("agentd/bbbbbbbb");
        assertThat(service.listWorktrees()).hasSize(2).allSatisfy(s -> assertThat(s.diskBytes()).isPositive());
    }

    @Test
    void cleanupRefusesUnmergedCommitsAndUncommittedChangesUnlessForced() throws Exception {
        Worktree committed = service.createWorktree("cccccccc", repo);
        write(committed.path(), "feature.txt", "work\n");
        run(committed.path(), "git", "add", "feature.txt");
        run(committed.path(), "git", "commit", "-qm", "feature");
        Worktree dirty = service.createWorktree("dddddddd", repo);
        write(dirty.path(), "scratch.txt", "not committed\n");
        Worktree idle = service.createWorktree("eeeeeeee", repo);

        List<CleanupOutcome> outcomes = service.cleanup(CleanupRequest.of(Set.of()));

        assertThat(outcomes).hasSize(3);
        CleanupOutcome c = outcome(outcomes, "cccccccc");
        assertThat(c.removed()).isFalse();
        assertThat(c.reason()).contains("1 commits on agentd/cccccccc merged nowhere");
        assertThat(outcome(outcomes, "dddddddd").reason()).contains("uncommitted changes");
        assertThat(outcome(outcomes, "eeeeeeee").removed()).isTrue();
        assertThat(idle.path()).doesNotExist();
        assertThat(run(repo, "git", "branch", "--list", "agentd/*")).contains("agentd/cccccccc", "agentd/dddddddd")
                .doesNotContain("agentd/eeeeeeee");
        assertThat(committed.path().resolve("feature.txt")).exists();

        // Once merged into main, the branch's commits live elsewhere and the worktree can go without force.
        run(repo, "git", "merge", "-q", "--ff-only", "agentd/cccccccc");
        assertThat(outcome(service.cleanup(CleanupRequest.of(Set.of("cccccccc"))), "cccccccc").removed()).isTrue();

        assertThat(outcome(service.cleanup(CleanupRequest.of(Set.of("dddddddd")).dryRunOnly().forced()), "dddddddd")
                .removed()).isTrue();
        assertThat(dirty.path().resolve("scratch.txt")).exists();
        service.cleanup(CleanupRequest.of(Set.of("dddddddd")).forced());
        assertThat(dirty.path()).doesNotExist();
        assertThat(service.listWorktrees()).isEmpty();
        assertThat(Files.readString(repo.resolve("shared.txt"))).isEqualTo("main\n");
    }

    private static CleanupOutcome outcome(List<CleanupOutcome> outcomes, String sessionId) {
        return outcomes.stream().filter(o -> o.status().worktree().sessionId().equals(sessionId)).findFirst()
                .orElseThrow();
    }
}
