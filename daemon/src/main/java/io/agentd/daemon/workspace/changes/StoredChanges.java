package io.agentd.daemon.workspace.changes;

import io.agentd.store.workspace.FileChangeRow;
import io.agentd.store.workspace.SessionChangesRow;

import java.time.Instant;
import java.util.Locale;

/** Converts {@link SessionChanges} to and from the store's rows, so they outlive the working tree. */
public final class StoredChanges {
    private StoredChanges() {
    }

    public static SessionChangesRow toRow(SessionChanges changes, Instant capturedAt) {
        return new SessionChangesRow(changes.sessionId(), changes.source().name().toLowerCase(Locale.ROOT),
                changes.truncated(), changes.note(), capturedAt, changes.files().stream()
                .map(f -> new FileChangeRow(f.path(), f.status().wireName(), f.diff(), f.binary(), f.large(),
                        f.oldSize(), f.newSize(), f.note()))
                .toList());
    }

    public static SessionChanges fromRow(SessionChangesRow row) {
        return new SessionChanges(row.sessionId(), SessionChanges.Source.valueOf(row.source().toUpperCase(Locale.ROOT)),
                row.files().stream().map(f -> new FileChange(f.path(), ChangeStatus.valueOf(f.status().toUpperCase(Locale.ROOT)),
                        f.diff(), f.binary(), f.large(), f.oldSize(), f.newSize(), f.note())).toList(),
                row.truncated(), row.note());
    }
}
