package io.agentd.protocol.approval;

import java.util.Locale;
import java.util.Optional;

/** An approval's status on the wire. {@code expired} is agentd's: the session ended before anyone decided. */
public enum ApprovalStatus {
    PENDING, APPROVED, DENIED, EXPIRED;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The status as it stands on the wire and in the store. */
    public String wireName() {
        return wireName;
    }

    /** The status with this wire name, or empty for null or a name this side does not know. */
    public static Optional<ApprovalStatus> parse(String value) {
        for (ApprovalStatus s : values()) {
            if (s.wireName.equals(value)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
