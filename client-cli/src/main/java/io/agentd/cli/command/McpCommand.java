package io.agentd.cli.command;

import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code agentctl mcp}: MCP servers that Claude Code sessions launched by agentd run. */
@Command(name = "mcp", mixinStandardHelpOptions = true,
        description = "MCP servers for Claude Code sessions (speak MCP on stdin/stdout).",
        subcommands = ClaudeApprovalsCommand.class)
final class McpCommand {
    @ParentCommand
    private AgentctlCommand root;

    AgentctlCommand root() {
        return root;
    }
}
