package io.agentd.store.approval;

import io.agentd.store.jdbc.Sql;

import java.util.Arrays;
import java.util.Locale;

/** Approval statuses. {@code expired} is agentd's: the session ended before anyone decided. */
public enum ApprovalStatus implements Sql.DbValue {
    PENDING, APPROVED, DENIED, EXPIRED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String dbValue() {
        return wireName();
    }

    /**
     * The {@code approval_status} a tool_call row linked to an approval in this status carries. hld's
     * clients know pending, approved and denied there; an expired approval's tool never ran, so it reads denied.
     */
    public String toolCallStatus() {
        return this == EXPIRED ? DENIED.wireName() : wireName();
    }

    public static ApprovalStatus fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown approval status: " + value));
    }
}
