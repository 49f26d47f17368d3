-- Why agentd itself stopped a session's process (no output for --session-idle-timeout), so the session ends
-- failed with that reason, also when a restarted daemon sees the process end. NULL when agentd did not stop it.
ALTER TABLE session_processes ADD COLUMN stop_reason TEXT;
