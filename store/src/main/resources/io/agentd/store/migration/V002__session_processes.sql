-- The Claude process behind each session, so a restarted daemon can find and re-attach to it.
-- stdout_offset is how many bytes of the stdout spool have been processed; it is updated in the same
-- transaction as the rows derived from those bytes, which makes re-attachment exactly-once.
CREATE TABLE session_processes (
    session_id             TEXT    PRIMARY KEY REFERENCES sessions (id),
    pid                    INTEGER,
    start_time             INTEGER,
    spool_dir              TEXT    NOT NULL,
    stdout_offset          INTEGER NOT NULL DEFAULT 0,
    mcp_config_path        TEXT,
    interrupt_requested_at INTEGER,
    exit_code              INTEGER,
    ended_at               INTEGER
);
