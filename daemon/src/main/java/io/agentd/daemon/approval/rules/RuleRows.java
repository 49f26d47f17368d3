package io.agentd.daemon.approval.rules;

import io.agentd.store.rule.RuleRow;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Between {@link PermissionRule} and the store's row, and the rule's wire fields (also used by the event payload). */
public final class RuleRows {
    private RuleRows() {
    }

    static RuleRow row(PermissionRule r) {
        String dir = r.scope() instanceof RuleScope.Project p ? p.dir().toString() : null;
        String session = r.scope() instanceof RuleScope.Session s ? s.sessionId() : null;
        return new RuleRow(r.id(), r.spec().text(), r.decision().wireName(), r.scope().wireName(), dir, session,
                r.comment().orElse(null), r.expiresAt().orElse(null), r.createdBy(), r.createdAt());
    }

    /** The stored rule; a row the current syntax refuses is reported by the caller and skipped. */
    static PermissionRule rule(RuleRow row) {
        RuleScope scope = switch (row.scope()) {
            case "project" -> new RuleScope.Project(Path.of(row.workingDir()));
            case "session" -> new RuleScope.Session(row.sessionId());
            default -> RuleScope.global();
        };
        return new PermissionRule(row.id(), RuleSpec.parse(row.rule()), RuleDecision.fromWire(row.decision()), scope,
                Optional.ofNullable(row.comment()), Optional.ofNullable(row.expiresAt()), row.createdBy(),
                row.createdAt());
    }

    /** The rule on the wire: id, rule, decision, scope, working_dir, session_id, comment, expires_at, created_*. */
    public static Map<String, Object> wire(PermissionRule r) {
        RuleRow row = row(r);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", row.id());
        m.put("rule", row.rule());
        m.put("decision", row.decision());
        m.put("scope", row.scope());
        putIfPresent(m, "working_dir", row.workingDir());
        putIfPresent(m, "session_id", row.sessionId());
        putIfPresent(m, "comment", row.comment());
        putIfPresent(m, "expires_at", row.expiresAt() == null ? null : row.expiresAt().toString());
        m.put("created_by", row.createdBy());
        m.put("created_at", row.createdAt().toString());
        return m;
    }

    private static void putIfPresent(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
