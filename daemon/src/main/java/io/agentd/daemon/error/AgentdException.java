package io.agentd.daemon.error;

import static java.util.Objects.requireNonNull;

/**
 * The unchecked domain error every handler throws. Its message is meant for the client: the RPC layer
 * puts it on the wire as the error message, so it must never contain secrets.
 */
public final class AgentdException extends RuntimeException {
    private final ErrorKind kind;

    /**
     * Creates an error of the given kind.
     *
     * @param kind what went wrong
     * @param message client-facing description
     * @param cause underlying failure, or null
     */
    public AgentdException(ErrorKind kind, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.kind = requireNonNull(kind, "kind is null");
    }

    /** The caller's input is invalid, e.g. {@code invalidParams("query is required")}. */
    public static AgentdException invalidParams(String message) {
        return new AgentdException(ErrorKind.INVALID_PARAMS, message, null);
    }

    /** A referenced entity does not exist. */
    public static AgentdException notFound(String message) {
        return new AgentdException(ErrorKind.NOT_FOUND, message, null);
    }

    /** The entity's current state forbids the operation. */
    public static AgentdException conflict(String message) {
        return new AgentdException(ErrorKind.CONFLICT, message, null);
    }

    /** What the operation would decide was already decided, e.g. an approval that has an answer. */
    public static AgentdException alreadyDecided(String message) {
        return new AgentdException(ErrorKind.ALREADY_DECIDED, message, null);
    }

    /** A needed resource cannot be used right now. */
    public static AgentdException unavailable(String message) {
        return new AgentdException(ErrorKind.UNAVAILABLE, message, null);
    }

    /** An unexpected failure; the cause is logged by the RPC layer, only the message reaches the client. */
    public static AgentdException internal(String message, Throwable cause) {
        return new AgentdException(ErrorKind.INTERNAL, message, cause);
    }

    /** What went wrong. */
    public ErrorKind kind() {
        return kind;
    }
}
