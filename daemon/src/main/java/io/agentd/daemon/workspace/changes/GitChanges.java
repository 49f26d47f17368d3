package io.agentd.daemon.workspace.changes;

import io.agentd.daemon.workspace.git.BlobReader;
import io.agentd.daemon.workspace.git.GitRepository;
import io.agentd.daemon.workspace.git.TreeDelta;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Changes between two trees of one repository, with diffs computed from the blobs (two cat-file processes). */
public final class GitChanges {
    private GitChanges() {
    }

    public static SessionChanges between(String sessionId, GitRepository repo, String fromTree, String toTree,
                                         WorkspaceLimits limits) {
        List<TreeDelta> all = repo.diffTrees(fromTree, toTree).stream().filter(d -> !d.submodule()).toList();
        List<TreeDelta> deltas = all.size() > limits.maxFiles() ? all.subList(0, limits.maxFiles()) : all;
        BlobReader blobs = repo.blobs();
        Set<String> ids = new TreeSet<>();
        for (TreeDelta d : deltas) {
            if (!d.oldBlob().equals(TreeDelta.NO_BLOB)) {
                ids.add(d.oldBlob());
            }
            if (!d.newBlob().equals(TreeDelta.NO_BLOB)) {
                ids.add(d.newBlob());
            }
        }
        Map<String, Long> sizes = blobs.sizes(ids);
        // Read only what may be diffed; the diff budget bounds what is kept, this bounds what is read.
        long readBudget = limits.maxTotalDiffBytes() * 2;
        List<String> toRead = new ArrayList<>();
        for (String id : ids) {
            long size = sizes.getOrDefault(id, -1L);
            if (size >= 0 && size <= limits.largeFileBytes() && readBudget >= size) {
                toRead.add(id);
                readBudget -= size;
            }
        }
        Map<String, byte[]> contents = blobs.contents(toRead);
        Diffs diffs = new Diffs(limits);
        List<FileChange> files = new ArrayList<>();
        for (TreeDelta d : deltas) {
            ChangeStatus status = d.added() ? ChangeStatus.ADDED : d.deleted() ? ChangeStatus.DELETED : ChangeStatus.MODIFIED;
            long oldSize = d.added() ? -1 : sizes.getOrDefault(d.oldBlob(), -1L);
            long newSize = d.deleted() ? -1 : sizes.getOrDefault(d.newBlob(), -1L);
            files.add(diffs.change(d.path(), status, d.added() ? null : contents.get(d.oldBlob()), oldSize,
                    d.deleted() ? null : contents.get(d.newBlob()), newSize));
        }
        boolean truncated = all.size() > deltas.size();
        String note = truncated ? (all.size() - deltas.size()) + " more changed files not listed (limit "
                + limits.maxFiles() + ")" : "";
        return new SessionChanges(sessionId, SessionChanges.Source.GIT, files, truncated, note);
    }
}
