package io.agentd.cli.command;

import io.agentd.cli.client.DaemonException;
import io.agentd.cli.client.DaemonUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed command into one line on stderr and exit code 1. Stack traces go to the debug log
 * only: users need to know what went wrong, not where in agentctl.
 */
public final class FailureHandler implements IExecutionExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(FailureHandler.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        log.debug("command failed", e);
        commandLine.getErr().println(message(e));
        commandLine.getErr().flush();
        return ExitCodes.FAILURE;
    }

    static String message(Exception e) {
        return switch (e) {
            // Already the full sentence, with the remedy.
            case DaemonUnavailableException unavailable -> unavailable.getMessage();
            case DaemonException daemon -> "error: " + daemon.getMessage();
            case SessionLookupException lookup -> "error: " + lookup.getMessage();
            default -> "error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        };
    }
}
