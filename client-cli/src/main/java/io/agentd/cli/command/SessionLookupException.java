package io.agentd.cli.command;

/** An id prefix named no session, or more than one. The message says which, for the user. */
public final class SessionLookupException extends RuntimeException {
    public SessionLookupException(String message) {
        super(message);
    }
}
