package io.agentd.daemon.session;

import io.agentd.daemon.session.stream.PermissionDenial;
import io.agentd.daemon.session.stream.StreamEvent;
import io.agentd.store.Database;
import io.agentd.store.approval.ApprovalRepository;
import io.agentd.store.mcp.McpServerRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Warns when a session that had the approvals server injected still ends with tools Claude refused without
 * asking it: the approvals server did not start or Claude bypassed it, and the session may have done less than
 * asked while it reads {@code completed}. A denial that went through an approval (a person said no) is expected.
 */
final class UnapprovedDenials {
    private static final Logger log = LoggerFactory.getLogger(UnapprovedDenials.class);

    private final Database database;
    private final McpServerRepository servers = new McpServerRepository();
    private final ApprovalRepository approvals = new ApprovalRepository();

    UnapprovedDenials(Database database) {
        this.database = requireNonNull(database, "database is null");
    }

    /** Logs the warning if there is one to give; a failure to look is logged, never thrown. */
    void warnIfAny(String sessionId, StreamEvent.Result result) {
        if (result == null || result.permissionDenials().isEmpty()) {
            return;
        }
        try {
            List<PermissionDenial> unapproved = find(sessionId, result.permissionDenials());
            if (!unapproved.isEmpty()) {
                log.warn("session {}: Claude refused {} tool call(s) without asking the approvals server ({}); it may"
                                + " not have started (see the session's stderr and `health`)", sessionId, unapproved.size(),
                        String.join(", ", unapproved.stream().map(d -> d.toolName() + " " + d.toolUseId()).toList()));
            }
        } catch (RuntimeException e) {
            log.warn("session {}: could not check its permission denials", sessionId, e);
        }
    }

    /**
     * The denials no approval of the session saw, when the session had the approvals server injected; empty
     * otherwise (without one, Claude refusing on its own is what the user chose).
     */
    List<PermissionDenial> find(String sessionId, List<PermissionDenial> denials) {
        return database.read(c -> {
            boolean injected = servers.bySession(c, sessionId).stream()
                    .anyMatch(s -> s.name().equals(McpInjection.SERVER_NAME));
            List<PermissionDenial> found = new ArrayList<>();
            for (PermissionDenial d : injected ? denials : List.<PermissionDenial>of()) {
                if (d.toolUseId().isEmpty() || approvals.findByToolUseId(c, sessionId, d.toolUseId()).isEmpty()) {
                    found.add(d);
                }
            }
            return found;
        });
    }
}
