package io.agentd.bench;

import io.agentd.daemon.workspace.WorkspaceConfig;
import io.agentd.daemon.workspace.WorkspaceService;
import io.agentd.daemon.workspace.changes.SessionChanges;
import io.agentd.daemon.workspace.git.Git;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Workspaces on a large repository (100,000 files, 1 GB; {@code --quick}: 10,000 files, 100 MB), generated
 * once under {@code bench/target/} by {@link LargeRepo} and reused: the checkpoint before a session and the
 * change detection after one (300 files touched: modified, deleted, created), each beside
 * {@code git status --porcelain} on the same tree in the same round. Rounds interleave the three so a
 * loaded machine weighs on all of them alike; medians are reported.
 */
final class WorkspaceBench {
    private static final int TOUCHED = 100;

    private WorkspaceBench() {
    }

    static List<Row> run(Bench.Settings settings) throws Exception {
        int files = settings.quick() ? 10_000 : 100_000;
        long bytes = (settings.quick() ? 100L : 1024L) * 1024 * 1024;
        int rounds = settings.quick() ? 3 : 5;
        Path repo = settings.root().resolve("bench/target/large-repo-" + files);
        long t0 = System.nanoTime();
        long written = LargeRepo.generate(repo, files, bytes);
        System.err.printf("bench: workspace repository ready (%d MB) in %.0f s%n", written >> 20,
                (System.nanoTime() - t0) / 1e9);
        Path state = Files.createTempDirectory("agentd-bench-ws");
        Git git = Git.onPath();
        WorkspaceService service = new WorkspaceService(git, WorkspaceConfig.of(state, state.resolve("worktrees")),
                Clock.systemUTC());
        double[] checkpoint = new double[rounds];
        double[] changes = new double[rounds];
        double[] status = new double[rounds];
        int found = 0;
        // One unmeasured round warms the page cache and the JIT for all three.
        for (int r = -1; r < rounds; r++) {
            String session = "bench-" + (r + 1);
            long a = System.nanoTime();
            service.checkpoint(session, repo);
            long b = System.nanoTime();
            LargeRepo.touch(repo, files, TOUCHED, r + 2);
            long c = System.nanoTime();
            SessionChanges result = service.changes(session);
            long d = System.nanoTime();
            git.run(repo, "status", "--porcelain");
            long e = System.nanoTime();
            if (r >= 0) {
                checkpoint[r] = (b - a) / 1e6;
                changes[r] = (d - c) / 1e6;
                status[r] = (e - d) / 1e6;
                found = result.files().size();
            }
        }
        service.pruneCheckpoints(java.util.Set.of());
        // Leave the generated tree as it was committed, so the next run starts from the same state.
        git.run(repo, "checkout", "-q", "--", ".");
        git.run(repo, "clean", "-qfd", "--", "new");
        double st = median(status);
        List<Row> rows = new ArrayList<>();
        String tree = String.format("%,d files, %d MB", files, written >> 20);
        rows.add(Row.cost("workspace checkpoint (" + tree + ")", median(checkpoint), st, "ms", 0,
                "git status --porcelain, same tree, same round"));
        rows.add(Row.cost("workspace changes, " + found + " files (" + tree + ")", median(changes), st, "ms", 0,
                "git status --porcelain, same tree, same round"));
        return rows;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
