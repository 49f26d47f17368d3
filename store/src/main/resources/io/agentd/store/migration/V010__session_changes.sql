-- What each session changed in its working tree (issue 18), stored when the session ends so it outlives
-- the tree: one summary row per session and one row per changed file, diffs already capped by the daemon
-- (docs/workspaces.md lists the limits). A later capture of the same session replaces both.
CREATE TABLE session_changes (
    session_id  TEXT    PRIMARY KEY REFERENCES sessions (id),
    source      TEXT    NOT NULL,          -- 'git' or 'scan'
    truncated   INTEGER NOT NULL DEFAULT 0,
    note        TEXT    NOT NULL DEFAULT '',
    captured_at INTEGER NOT NULL
);
CREATE TABLE session_file_changes (
    session_id TEXT    NOT NULL REFERENCES session_changes (session_id),
    path       TEXT    NOT NULL,
    status     TEXT    NOT NULL,           -- 'added', 'modified', 'deleted'
    diff       TEXT    NOT NULL,
    binary     INTEGER NOT NULL,
    large      INTEGER NOT NULL,
    old_size   INTEGER NOT NULL,
    new_size   INTEGER NOT NULL,
    note       TEXT    NOT NULL DEFAULT '',
    PRIMARY KEY (session_id, path)
);
