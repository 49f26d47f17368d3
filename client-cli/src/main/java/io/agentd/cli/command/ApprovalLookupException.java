package io.agentd.cli.command;

/** An approval id prefix named no pending approval, or several. The message says which, for the user. */
public final class ApprovalLookupException extends RuntimeException {
    public ApprovalLookupException(String message) {
        super(message);
    }
}
