package io.agentd.cli.command;

import io.agentd.cli.mcp.ApprovalsMcpServer;
import io.agentd.cli.mcp.DaemonPermissionGate;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code agentctl mcp claude_approvals}: the permission prompt server agentd injects into every
 * session, a drop-in for {@code humanlayer mcp claude_approvals}. Runs until Claude Code closes stdin.
 */
@Command(name = "claude_approvals", mixinStandardHelpOptions = true,
        description = "Stdio MCP server with the request_permission tool: each call becomes an agentd approval "
                + "and waits for its decision.")
final class ClaudeApprovalsCommand implements Callable<Integer> {
    private static final Duration RECONNECT_INTERVAL = Duration.ofSeconds(1);

    @ParentCommand
    private McpCommand mcp;

    @Option(names = "--session-id", paramLabel = "ID", defaultValue = "${env:HUMANLAYER_SESSION_ID}",
            description = "Session the approvals belong to (default: $HUMANLAYER_SESSION_ID).")
    private String sessionId;

    @Override
    public Integer call() throws InterruptedException {
        AgentctlCommand root = mcp.root();
        Path socket = root.context().sockets().resolve(root.options().socket());
        // stdout is the protocol: hand the transport the real stdout and send any stray print to stderr.
        PrintStream protocolOut = new PrintStream(new FileOutputStream(FileDescriptor.out), false);
        System.setOut(System.err);
        new ApprovalsMcpServer(new DaemonPermissionGate(socket, sessionId, RECONNECT_INTERVAL))
                .serve(new FileInputStream(FileDescriptor.in), protocolOut);
        return ExitCodes.OK;
    }
}
