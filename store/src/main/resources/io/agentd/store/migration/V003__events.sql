-- Every event agentd publishes, numbered: seq is assigned in the same transaction as the change the
-- event describes, so "stored" and "published" never disagree, and a subscriber can resume after any
-- seq it saw. Old rows are pruned by retention.
CREATE TABLE events (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    type       TEXT    NOT NULL,
    session_id TEXT,
    run_id     TEXT,
    created_at INTEGER NOT NULL,
    data_json  TEXT    NOT NULL
);
CREATE INDEX idx_events_created ON events (created_at);
