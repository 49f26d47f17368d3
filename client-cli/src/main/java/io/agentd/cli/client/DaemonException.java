package io.agentd.cli.client;

/**
 * Something went wrong talking to agentd. The message is written for the user: the CLI prints it
 * as one line, without a stack trace.
 */
public abstract sealed class DaemonException extends RuntimeException
        permits DaemonUnavailableException, DaemonErrorException, DaemonConnectionException {

    DaemonException(String message, Throwable cause) {
        super(message, cause);
    }
}
