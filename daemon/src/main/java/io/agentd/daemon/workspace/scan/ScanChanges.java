package io.agentd.daemon.workspace.scan;

import io.agentd.daemon.workspace.changes.ChangeStatus;
import io.agentd.daemon.workspace.changes.Diffs;
import io.agentd.daemon.workspace.changes.FileChange;
import io.agentd.daemon.workspace.changes.SessionChanges;
import io.agentd.daemon.workspace.changes.WorkspaceLimits;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Changes between two manifests of one directory. */
public final class ScanChanges {
    private ScanChanges() {
    }

    public static SessionChanges between(String sessionId, Manifest before, Manifest after, WorkspaceLimits limits) {
        TreeSet<String> paths = new TreeSet<>(before.entries().keySet());
        paths.addAll(after.entries().keySet());
        Diffs diffs = new Diffs(limits);
        List<FileChange> files = new ArrayList<>();
        int more = 0;
        for (String path : paths) {
            Manifest.Entry b = before.entries().get(path);
            Manifest.Entry a = after.entries().get(path);
            if (b != null && a != null && b.sameAs(a)) {
                continue;
            }
            if (files.size() >= limits.maxFiles()) {
                more++;
                continue;
            }
            ChangeStatus status = b == null ? ChangeStatus.ADDED : a == null ? ChangeStatus.DELETED : ChangeStatus.MODIFIED;
            files.add(diffs.change(path, status, b == null ? null : b.content(), b == null ? -1 : b.size(),
                    a == null ? null : a.content(), a == null ? -1 : a.size()));
        }
        List<String> notes = new ArrayList<>();
        if (before.truncated() || after.truncated()) {
            notes.add("scan stopped at " + limits.scanMaxFiles() + " files: files beyond it are not compared");
        }
        if (more > 0) {
            notes.add(more + " more changed files not listed (limit " + limits.maxFiles() + ")");
        }
        return new SessionChanges(sessionId, SessionChanges.Source.SCAN, files, !notes.isEmpty(), String.join("; ", notes));
    }
}
