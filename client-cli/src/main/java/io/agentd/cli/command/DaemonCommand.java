package io.agentd.cli.command;

import io.agentd.cli.client.DaemonClient;
import io.agentd.cli.format.JsonView;
import io.agentd.cli.protocol.ProtocolJson;
import io.agentd.protocol.session.SessionState;
import io.agentd.protocol.session.SessionStatus;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * Base of the subcommands that talk to the daemon: resolves the socket, opens one connection for
 * the whole command and closes it. Daemon failures propagate to the execution exception handler,
 * which turns them into one line on stderr.
 */
abstract class DaemonCommand implements Callable<Integer> {
    @ParentCommand
    private AgentctlCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public final Integer call() {
        Path socket = root.context().sockets().resolve(root.options().socket());
        try (DaemonClient client = DaemonClient.connect(socket, root.context().callTimeout())) {
            return run(client);
        }
    }

    /** Does the command's work over an open connection and returns the exit code. */
    abstract int run(DaemonClient client);

    final CliContext context() {
        return root.context();
    }

    final boolean json() {
        return root.options().json();
    }

    final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Prints rendered text that already ends in a newline. */
    final void print(String text) {
        out().print(text);
        out().flush();
    }

    /** What a waiting command does about the session's approvals; with --json, its words go to stderr. */
    final SessionApprovals approvals(DaemonClient client, String sessionId, boolean interactive) {
        PrintWriter notices = json() ? err() : out();
        return interactive
                ? SessionApprovals.interactive(sessionId, client.socket(), context().callTimeout(), stdin(), notices,
                        context().width())
                : SessionApprovals.notices(sessionId, notices, context().width());
    }

    /** The user's typed answers. */
    static BufferedReader stdin() {
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }

    final void printJson(JsonNode result) {
        print(JsonView.render(result));
    }

    /**
     * {@code --wait}: polls until the session ends, showing its approvals meanwhile (or asking about them, with
     * {@code interactive}), prints how it ended; exit 0 only if it completed.
     */
    final int awaitEnd(DaemonClient client, String sessionId, boolean interactive) {
        SessionWait wait = new SessionWait(client, context().pollInterval());
        JsonNode finalState = wait.awaitEnd(sessionId, approvals(client, sessionId, interactive));
        SessionState state = ProtocolJson.MAPPER.treeToValue(finalState, SessionState.Envelope.class).session();
        if (json()) {
            printJson(finalState);
        } else {
            print(wait.outcome(state));
        }
        return SessionStatus.COMPLETED.wireName().equals(state.status()) ? ExitCodes.OK
                : ExitCodes.SESSION_NOT_COMPLETED;
    }
}
