-- The tools Claude refused on its own, from its result's permission_denials: a session that ends "completed" may
-- still have done less than asked, and this is where that shows. One row per denial, in Claude's order.
CREATE TABLE permission_denials (
    session_id  TEXT    NOT NULL REFERENCES sessions (id),
    position    INTEGER NOT NULL,
    tool_name   TEXT    NOT NULL,
    tool_use_id TEXT    NOT NULL,
    tool_input  TEXT    NOT NULL,
    PRIMARY KEY (session_id, position)
);
