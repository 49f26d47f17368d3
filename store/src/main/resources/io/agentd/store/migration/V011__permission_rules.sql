-- Permission rules: allow, deny or ask for a tool (and optionally its input, in Claude Code's syntax),
-- scoped to one session, a project folder or everyone. Evaluated before a person is asked.
CREATE TABLE permission_rules (
    id          TEXT    PRIMARY KEY,
    rule        TEXT    NOT NULL,
    decision    TEXT    NOT NULL CHECK (decision IN ('allow', 'deny', 'ask')),
    scope       TEXT    NOT NULL CHECK (scope IN ('global', 'project', 'session')),
    working_dir TEXT,
    session_id  TEXT,
    comment     TEXT,
    expires_at  INTEGER,
    created_by  TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    CHECK ((scope = 'project') = (working_dir IS NOT NULL)),
    CHECK ((scope = 'session') = (session_id IS NOT NULL))
);
-- The rule that decided an approval, when decided_by is 'rule'.
ALTER TABLE approvals ADD COLUMN rule_id TEXT;
