package io.agentd.daemon.error;

/** What went wrong in a domain operation, independent of how the error reaches a client. */
public enum ErrorKind {
    /** The caller's input is invalid (missing or malformed field). */
    INVALID_PARAMS,
    /** A referenced entity (session, approval, ...) does not exist. */
    NOT_FOUND,
    /** The entity exists but its state forbids the operation. */
    CONFLICT,
    /** The operation decides something that was already decided (an approval answered twice). */
    ALREADY_DECIDED,
    /** A needed resource (the claude binary, the store) cannot be used right now. */
    UNAVAILABLE,
    /** A bug or an unexpected failure inside the daemon. */
    INTERNAL
}
