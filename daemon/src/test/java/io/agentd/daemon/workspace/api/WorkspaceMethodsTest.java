package io.agentd.daemon.workspace.api;

import io.agentd.daemon.error.AgentdException;
import io.agentd.daemon.rpc.MethodRegistry;
import io.agentd.daemon.workspace.WorkspaceConfig;
import io.agentd.daemon.workspace.WorkspaceService;
import io.agentd.daemon.workspace.changes.StoredChanges;
import io.agentd.daemon.workspace.git.Git;
import io.agentd.store.Database;
import io.agentd.store.session.SessionRepository;
import io.agentd.store.testing.Sessions;
import io.agentd.store.testing.TempDatabaseExtension;
import io.agentd.store.workspace.SessionChangesRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(TempDatabaseExtension.class)
class WorkspaceMethodsTest {
    @TempDir
    Path tmp;

    @Test
    void changesAreLiveWhileRunningThenStoredAndRestoreIsBound(Database db) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("work"));
        Files.writeString(dir.resolve("a.txt"), "a\n");
        WorkspaceService service = new WorkspaceService(Git.onPath(),
                WorkspaceConfig.of(tmp.resolve("state"), tmp.resolve("wt")), Clock.systemUTC());
        WorkspaceMethods methods = new WorkspaceMethods(service, db);
        MethodRegistry registry = new MethodRegistry();
        methods.register(registry);
        assertThat(registry.methods()).contains("getSessionChanges", "restoreCheckpoint", "listWorktrees");

        var session = Sessions.newSession("s1");
        db.write(tx -> {
            new SessionRepository().insert(tx.connection(), session);
            return null;
        });
        service.checkpoint(session.id(), dir);
        Files.writeString(dir.resolve("b.txt"), "b\n");

        var live = methods.changes(new WorkspaceMethods.ChangesParams(session.id()));
        assertThat(live.stored()).isFalse();
        assertThat(live.files()).extracting(WorkspaceMethods.FileView::path, WorkspaceMethods.FileView::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("b.txt", "added"));

        var ended = service.sessionEnded(session.id());
        db.write(tx -> {
            new SessionChangesRepository().replace(tx.connection(), StoredChanges.toRow(ended, Instant.now()));
            return null;
        });
        Files.delete(dir.resolve("b.txt"));
        var stored = methods.changes(new WorkspaceMethods.ChangesParams(session.id()));
        assertThat(stored.stored()).isTrue();
        assertThat(stored.files()).extracting(WorkspaceMethods.FileView::path).containsExactly("b.txt");

        assertThatThrownBy(() -> methods.changes(new WorkspaceMethods.ChangesParams("nosuch")))
                .isInstanceOf(AgentdException.class).hasMessageContaining("no changes recorded");
        assertThatThrownBy(() -> new WorkspaceMethods.ChangesParams(""))
                .isInstanceOf(AgentdException.class).hasMessageContaining("session_id is required");
        assertThatThrownBy(() -> methods.restore(new WorkspaceMethods.RestoreParams(session.id(), true, null)))
                .isInstanceOf(AgentdException.class).hasMessageContaining("outside git");
        assertThat(methods.worktrees().worktrees()).isEmpty();
    }
}
