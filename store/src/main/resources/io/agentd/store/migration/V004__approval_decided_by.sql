-- Which rule decided an approval: human, auto_accept_edits, dangerously_skip_permissions, bypass_enabled,
-- session_ended. NULL while pending.
ALTER TABLE approvals ADD COLUMN decided_by TEXT;
