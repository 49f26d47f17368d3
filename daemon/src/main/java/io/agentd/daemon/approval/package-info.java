/**
 * Tool approvals: Claude's permission prompts, forwarded by the MCP approvals server as
 * {@code createApproval}, decided by the session's rules or by a human ({@code sendDecision}), linked
 * to their tool_call rows, and expired when their session ends.
 */
package io.agentd.daemon.approval;
