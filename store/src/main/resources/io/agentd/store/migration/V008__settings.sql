-- Settings changed over HTTP (PATCH /config, PATCH /user-settings) and kept across restarts.
-- daemon_config: one row per daemon setting a client may change at run time (today only claude_path).
CREATE TABLE daemon_config (
    name       TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);

-- user_settings: the desktop UI's preferences; a single row (id 1), created on the first PATCH.
CREATE TABLE user_settings (
    id                 INTEGER PRIMARY KEY CHECK (id = 1),
    advanced_providers INTEGER NOT NULL DEFAULT 0,
    opt_in_telemetry   INTEGER,
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL
);
