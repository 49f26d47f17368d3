-- raw_events.event_type: the stream-json "type" of each line as the parser read it (NULL for a line that is
-- not a JSON object), so a re-attaching daemon finds a session's last result by type, not by searching text.
-- Lines stored before this migration get their type from the stored JSON.
ALTER TABLE raw_events ADD COLUMN event_type TEXT;
UPDATE raw_events SET event_type = json_extract(event_json, '$.type')
    WHERE json_valid(event_json) AND json_type(event_json, '$.type') = 'text';

-- mcp_servers: an HTTP server is a URL with headers, not the command "http" with the URL as its argument.
-- SQLite cannot drop NOT NULL from command, so the table is rebuilt; rows stored the old way are converted.
CREATE TABLE mcp_servers_v6 (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id   TEXT NOT NULL REFERENCES sessions (id),
    name         TEXT NOT NULL,
    transport    TEXT NOT NULL CHECK (transport IN ('stdio', 'http')),
    command      TEXT,
    args_json    TEXT,
    env_json     TEXT,
    url          TEXT,
    headers_json TEXT,
    UNIQUE (session_id, name),
    CHECK ((transport = 'stdio' AND command IS NOT NULL) OR (transport = 'http' AND url IS NOT NULL))
);
INSERT INTO mcp_servers_v6 (id, session_id, name, transport, command, args_json, env_json, url, headers_json)
    SELECT id, session_id, name, 'stdio', command, args_json, env_json, NULL, NULL
    FROM mcp_servers WHERE command <> 'http';
INSERT INTO mcp_servers_v6 (id, session_id, name, transport, command, args_json, env_json, url, headers_json)
    SELECT id, session_id, name, 'http', NULL, NULL, NULL, COALESCE(json_extract(args_json, '$[0]'), ''), env_json
    FROM mcp_servers WHERE command = 'http';
DROP TABLE mcp_servers;
ALTER TABLE mcp_servers_v6 RENAME TO mcp_servers;
