import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures, for decision 0008, the git executable against JGit on one large repository: a snapshot of the
 * working tree into a commit through a temporary index, the changes against it, and git status as baseline.
 * Runs are interleaved (git, jgit, status, ...) because the machine is shared.
 * Usage: bench/adr/run.sh REPO [ROUNDS]
 */
public final class GitVsJGit {
    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path index = Path.of(repo + "/.git/index");
        System.out.println("load before: " + load());
        String baseGit = null;
        ObjectId baseJgit = null;
        List<String> rows = new ArrayList<>();
        for (int r = 0; r <= rounds; r++) {
            if (r > 0) {
                touch(repo, r);
            }
            long t0 = System.nanoTime();
            String gitTree = cliSnapshot(repo, index);
            long gitSnap = System.nanoTime() - t0;
            long gitDiff = -1;
            int gitN = -1;
            if (baseGit != null) {
                t0 = System.nanoTime();
                gitN = cliDiff(repo, baseGit, cliSnapshot(repo, index));
                gitDiff = System.nanoTime() - t0;
            }
            t0 = System.nanoTime();
            ObjectId jTree = jgitSnapshot(repo, index);
            long jSnap = System.nanoTime() - t0;
            long jDiff = -1;
            int jN = -1;
            if (baseJgit != null) {
                t0 = System.nanoTime();
                jN = jgitDiff(repo, baseJgit, jgitSnapshot(repo, index));
                jDiff = System.nanoTime() - t0;
            }
            t0 = System.nanoTime();
            run(repo, null, "git", "status", "--porcelain", "-uall");
            long status = System.nanoTime() - t0;
            String row = String.format(Locale.ROOT,
                    "round %d: git snapshot %.2f s, git snapshot+diff %.2f s (%d files); jgit snapshot %.2f s,"
                            + " jgit snapshot+diff %.2f s (%d files); git status %.2f s; load %s",
                    r, gitSnap / 1e9, gitDiff / 1e9, gitN, jSnap / 1e9, jDiff / 1e9, jN, status / 1e9, load());
            System.out.println(row);
            rows.add(row);
            if (r == 0) {
                baseGit = gitTree;
                baseJgit = jTree;
            }
        }
    }

    static String cliSnapshot(Path repo, Path index) throws Exception {
        Path tmp = Files.createTempFile("adr-index", "");
        Files.copy(index, tmp, StandardCopyOption.REPLACE_EXISTING);
        try {
            run(repo, tmp, "git", "add", "-A", "--", ":/");
            String tree = run(repo, tmp, "git", "write-tree").strip();
            String commit = run(repo, null, "git", "commit-tree", tree, "-m", "checkpoint").strip();
            run(repo, null, "git", "update-ref", "refs/agentd/adr/git", commit);
            return tree;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static int cliDiff(Path repo, String a, String b) throws Exception {
        return (int) run(repo, null, "git", "diff-tree", "-r", "--no-renames", "--name-status", a, b).lines().count();
    }

    static ObjectId jgitSnapshot(Path repo, Path index) throws Exception {
        Path tmp = Files.createTempFile("adr-jindex", "");
        Files.copy(index, tmp, StandardCopyOption.REPLACE_EXISTING);
        try (Repository r = new FileRepositoryBuilder().setGitDir(repo.resolve(".git").toFile())
                .setWorkTree(repo.toFile()).setIndexFile(tmp.toFile()).build(); Git git = new Git(r)) {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            DirCache dc = r.readDirCache();
            try (ObjectInserter ins = r.newObjectInserter()) {
                ObjectId tree = dc.writeTree(ins);
                CommitBuilder cb = new CommitBuilder();
                cb.setTreeId(tree);
                PersonIdent who = new PersonIdent("agentd", "agentd@localhost");
                cb.setAuthor(who);
                cb.setCommitter(who);
                cb.setMessage("checkpoint");
                ObjectId commit = ins.insert(cb);
                ins.flush();
                var u = r.updateRef("refs/agentd/adr/jgit");
                u.setNewObjectId(commit);
                u.forceUpdate();
                return tree;
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static int jgitDiff(Path repo, ObjectId a, ObjectId b) throws Exception {
        try (Repository r = new FileRepositoryBuilder().setGitDir(repo.resolve(".git").toFile()).build();
             Git git = new Git(r); var reader = r.newObjectReader()) {
            CanonicalTreeParser pa = new CanonicalTreeParser();
            pa.reset(reader, a);
            CanonicalTreeParser pb = new CanonicalTreeParser();
            pb.reset(reader, b);
            List<DiffEntry> d = git.diff().setOldTree(pa).setNewTree(pb).setShowNameAndStatusOnly(true).call();
            return d.size();
        }
    }

    static void touch(Path repo, int round) throws Exception {
        for (int k = 0; k < 100; k++) {
            int i = (k * 997 + round * 13) % 100_000;
            Path f = repo.resolve(String.format(Locale.ROOT, "src/d%04d/f%06d%s", i / 100, i, i % 50 == 49 ? ".bin" : ".java"));
            if (Files.exists(f)) {
                Files.writeString(f, "// round " + round + "\n", StandardOpenOption.APPEND);
            }
            Path n = repo.resolve("adr-new/r" + round + "/n" + k + ".txt");
            Files.createDirectories(n.getParent());
            Files.writeString(n, "new " + k + "\n");
        }
    }

    static String run(Path dir, Path index, String... argv) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("GIT_OPTIONAL_LOCKS", "0");
        pb.environment().put("LC_ALL", "C");
        pb.environment().put("GIT_AUTHOR_NAME", "agentd");
        pb.environment().put("GIT_AUTHOR_EMAIL", "agentd@localhost");
        pb.environment().put("GIT_COMMITTER_NAME", "agentd");
        pb.environment().put("GIT_COMMITTER_EMAIL", "agentd@localhost");
        if (index != null) {
            pb.environment().put("GIT_INDEX_FILE", index.toString());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", argv) + ": " + out);
        }
        return out;
    }

    static String load() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 4)[0] + " "
                + Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[1];
    }
}
