-- agentd schema, version 1. Everything hld keeps (see the hld spec, section 4), designed afresh:
-- times are INTEGER milliseconds since the epoch (UTC), booleans are 0/1 with CHECKs, JSON lists are TEXT.

CREATE TABLE agentd_migrations (
    version     INTEGER PRIMARY KEY,
    description TEXT    NOT NULL,
    applied_at  INTEGER NOT NULL
);

CREATE TABLE sessions (
    id                                      TEXT    PRIMARY KEY,
    run_id                                  TEXT    NOT NULL UNIQUE,
    claude_session_id                       TEXT,
    parent_session_id                       TEXT    REFERENCES sessions (id),
    status                                  TEXT    NOT NULL DEFAULT 'starting'
        CHECK (status IN ('draft', 'starting', 'running', 'waiting_input', 'interrupting',
                          'interrupted', 'completed', 'failed', 'discarded')),
    query                                   TEXT    NOT NULL,
    summary                                 TEXT    NOT NULL DEFAULT '',
    title                                   TEXT    NOT NULL DEFAULT '',
    model                                   TEXT,
    model_id                                TEXT,
    working_dir                             TEXT,
    max_turns                               INTEGER,
    system_prompt                           TEXT,
    append_system_prompt                    TEXT,
    custom_instructions                     TEXT,
    permission_prompt_tool                  TEXT,
    allowed_tools                           TEXT,
    disallowed_tools                        TEXT,
    additional_directories                  TEXT,
    created_at                              INTEGER NOT NULL,
    last_activity_at                        INTEGER NOT NULL,
    completed_at                            INTEGER,
    cost_usd                                REAL,
    duration_ms                             INTEGER,
    duration_api_ms                         INTEGER,
    num_turns                               INTEGER,
    result_content                          TEXT,
    error_message                           TEXT,
    input_tokens                            INTEGER,
    output_tokens                           INTEGER,
    cache_creation_input_tokens             INTEGER,
    cache_read_input_tokens                 INTEGER,
    effective_context_tokens                INTEGER,
    context_window                          INTEGER,
    auto_accept_edits                       INTEGER NOT NULL DEFAULT 0 CHECK (auto_accept_edits IN (0, 1)),
    dangerously_skip_permissions            INTEGER NOT NULL DEFAULT 0 CHECK (dangerously_skip_permissions IN (0, 1)),
    dangerously_skip_permissions_expires_at INTEGER,
    dangerously_skip_permissions_timeout_ms INTEGER,
    archived                                INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    proxy_enabled                           INTEGER NOT NULL DEFAULT 0 CHECK (proxy_enabled IN (0, 1)),
    proxy_base_url                          TEXT,
    proxy_model_override                    TEXT,
    proxy_api_key                           TEXT,
    editor_state                            TEXT
);
CREATE INDEX idx_sessions_claude ON sessions (claude_session_id);
CREATE INDEX idx_sessions_status ON sessions (status);
CREATE INDEX idx_sessions_parent ON sessions (parent_session_id);
CREATE INDEX idx_sessions_last_activity ON sessions (last_activity_at DESC);
CREATE INDEX idx_sessions_working_dir ON sessions (working_dir);

-- Numbered per session (each agentd session has exactly one Claude conversation; forks get new ones).
CREATE TABLE conversation_events (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id          TEXT    NOT NULL REFERENCES sessions (id),
    claude_session_id   TEXT,
    sequence            INTEGER NOT NULL,
    event_type          TEXT    NOT NULL CHECK (event_type IN ('message', 'tool_call', 'tool_result', 'system', 'thinking')),
    created_at          INTEGER NOT NULL,
    role                TEXT,
    content             TEXT,
    tool_id             TEXT,
    tool_name           TEXT,
    tool_input_json     TEXT,
    tool_result_for_id  TEXT,
    tool_result_content TEXT,
    is_completed        INTEGER NOT NULL DEFAULT 0 CHECK (is_completed IN (0, 1)),
    approval_status     TEXT CHECK (approval_status IN ('pending', 'approved', 'denied', 'resolved')),
    approval_id         TEXT,
    parent_tool_use_id  TEXT,
    UNIQUE (session_id, sequence)
);
CREATE INDEX idx_conversation_claude_session ON conversation_events (claude_session_id, sequence);
CREATE INDEX idx_conversation_tool ON conversation_events (session_id, tool_id) WHERE tool_id IS NOT NULL;
CREATE INDEX idx_conversation_approval ON conversation_events (approval_id) WHERE approval_id IS NOT NULL;

CREATE TABLE raw_events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id TEXT    NOT NULL REFERENCES sessions (id),
    event_json TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX idx_raw_events_session ON raw_events (session_id, id);

-- HTTP servers are stored as command 'http', args ["<url>"], env = headers (as hld does).
CREATE TABLE mcp_servers (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id TEXT NOT NULL REFERENCES sessions (id),
    name       TEXT NOT NULL,
    command    TEXT NOT NULL,
    args_json  TEXT,
    env_json   TEXT,
    UNIQUE (session_id, name)
);

CREATE TABLE approvals (
    id           TEXT    PRIMARY KEY,
    run_id       TEXT    NOT NULL,
    session_id   TEXT    NOT NULL REFERENCES sessions (id),
    status       TEXT    NOT NULL CHECK (status IN ('pending', 'approved', 'denied', 'expired')),
    created_at   INTEGER NOT NULL,
    responded_at INTEGER,
    tool_name    TEXT    NOT NULL,
    tool_input   TEXT    NOT NULL,
    comment      TEXT,
    tool_use_id  TEXT
);
CREATE INDEX idx_approvals_pending ON approvals (status) WHERE status = 'pending';
CREATE INDEX idx_approvals_session ON approvals (session_id, created_at);
CREATE INDEX idx_approvals_run_id ON approvals (run_id);
CREATE INDEX idx_approvals_tool_use_id ON approvals (tool_use_id) WHERE tool_use_id IS NOT NULL;

CREATE TABLE file_snapshots (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    tool_id    TEXT    NOT NULL,
    session_id TEXT    NOT NULL REFERENCES sessions (id),
    file_path  TEXT    NOT NULL,
    content    TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX idx_snapshots_session_path ON file_snapshots (session_id, file_path);
CREATE INDEX idx_snapshots_tool ON file_snapshots (tool_id);
