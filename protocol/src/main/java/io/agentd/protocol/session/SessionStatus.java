package io.agentd.protocol.session;

import java.util.Locale;
import java.util.Optional;

/**
 * A session's status, with hld's wire names ({@code waiting_input}, …). The one list of which statuses are
 * terminal and which have a live Claude process; the store, the daemon and {@code agentctl} all ask it.
 */
public enum SessionStatus {
    DRAFT, STARTING, RUNNING, WAITING_INPUT, INTERRUPTING, INTERRUPTED, COMPLETED, FAILED, DISCARDED;

    private static final SessionStatus[] VALUES = values();

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The status as it stands on the wire and in the store. */
    public String wireName() {
        return wireName;
    }

    /** A session in this status never leaves it by itself. */
    public boolean isTerminal() {
        return switch (this) {
            case COMPLETED, FAILED, INTERRUPTED -> true;
            default -> false;
        };
    }

    /** A Claude process may be alive: starting, running, waiting for input or being interrupted. */
    public boolean isActive() {
        return switch (this) {
            case STARTING, RUNNING, WAITING_INPUT, INTERRUPTING -> true;
            default -> false;
        };
    }

    /**
     * The status with this wire name.
     *
     * @throws IllegalArgumentException for a name that is no status
     */
    public static SessionStatus fromWire(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("unknown session status: " + value));
    }

    /** The status with this wire name, or empty for null or a name this side does not know (a newer peer's). */
    public static Optional<SessionStatus> parse(String value) {
        // A loop, not a stream: the store calls this for every row it reads.
        for (SessionStatus s : VALUES) {
            if (s.wireName.equals(value)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Whether a wire status is terminal; false for null and for unknown names, which may still change. */
    public static boolean isTerminal(String value) {
        return parse(value).map(SessionStatus::isTerminal).orElse(false);
    }

    /** Whether a wire status has a live Claude process; false for null and for unknown names. */
    public static boolean isActive(String value) {
        return parse(value).map(SessionStatus::isActive).orElse(false);
    }
}
