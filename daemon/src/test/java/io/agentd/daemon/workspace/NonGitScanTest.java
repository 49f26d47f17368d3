package io.agentd.daemon.workspace;

import io.agentd.daemon.error.AgentdException;
import io.agentd.daemon.workspace.changes.ChangeStatus;
import io.agentd.daemon.workspace.changes.FileChange;
import io.agentd.daemon.workspace.changes.SessionChanges;
import io.agentd.daemon.workspace.changes.WorkspaceLimits;
import io.agentd.daemon.workspace.git.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import static io.agentd.daemon.workspace.TempGit.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Changes of a session in a directory outside git, from a bounded scan. */
class NonGitScanTest {
    @TempDir
    Path tmp;

    @Test
    void scanFindsCreatedModifiedAndDeletedFilesAndRespectsGitignore() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plain"));
        write(dir, ".gitignore", "*.log\nout/\n!keep.log\n");
        write(dir, "a.txt", "before\n");
        write(dir, "gone.txt", "bye\n");
        write(dir, "sub/.gitignore", "local.tmp\n");
        WorkspaceService service = new WorkspaceService(Git.onPath(),
                WorkspaceConfig.of(tmp.resolve("state"), tmp.resolve("wt")), Clock.systemUTC());
        Checkpoint c = service.checkpoint("s1", dir);
        assertThat(c.kind()).isEqualTo(Checkpoint.Kind.SCAN);

        write(dir, "a.txt", "after\n");
        Files.delete(dir.resolve("gone.txt"));
        write(dir, "made.txt", "new\n");
        write(dir, "debug.log", "ignored\n");
        write(dir, "keep.log", "not ignored\n");
        write(dir, "out/x.bin", "ignored dir\n");
        write(dir, "sub/local.tmp", "ignored by the nested file\n");

        SessionChanges changes = service.sessionEnded("s1");

        assertThat(changes.source()).isEqualTo(SessionChanges.Source.SCAN);
        assertThat(changes.truncated()).isFalse();
        assertThat(changes.files()).extracting(FileChange::path)
                .containsExactly("a.txt", "gone.txt", "keep.log", "made.txt");
        assertThat(changes.files()).extracting(FileChange::status).containsExactly(ChangeStatus.MODIFIED,
                ChangeStatus.DELETED, ChangeStatus.ADDED, ChangeStatus.ADDED);
        assertThat(changes.files().getFirst().diff()).contains("-before", "+after");
        assertThat(changes.files().get(1).diff()).contains("-bye");
        assertThatThrownBy(() -> service.restore("s1", false, false)).isInstanceOf(AgentdException.class)
                .hasMessageContaining("outside git");
    }

    @Test
    void scanStopsAtItsFileLimitAndSaysSo() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("many"));
        for (int i = 0; i < 30; i++) {
            write(dir, "f" + i + ".txt", "x\n");
        }
        WorkspaceLimits limits = new WorkspaceLimits(2_000, 1024 * 1024, 256 * 1024, 8L << 20, 10, 8L << 20,
                256 * 1024, 32L << 20);
        WorkspaceService service = new WorkspaceService(Git.onPath(),
                new WorkspaceConfig(tmp.resolve("state"), tmp.resolve("wt"), limits), Clock.systemUTC());
        service.checkpoint("s1", dir);
        SessionChanges changes = service.changes("s1");
        assertThat(changes.truncated()).isTrue();
        assertThat(changes.note()).contains("scan stopped at 10 files");
    }
}
