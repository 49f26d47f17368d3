package io.agentd.daemon.approval.rules;

import io.agentd.daemon.error.AgentdException;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The JSON-RPC shapes of agentd's rule methods ({@code createRule}, {@code listRules}, {@code deleteRule},
 * {@code explainApproval}) and their mapping to {@link RuleService}. No rule lives here.
 */
public final class RuleMethods {
    private final RuleService service;

    /** {@code createRule}; {@code expires_at} is RFC 3339. */
    public record CreateParams(String rule, String decision, String scope, String workingDir, String sessionId,
                               String comment, String expiresAt) {
    }

    /** {@code deleteRule}. */
    public record DeleteParams(String id) {
    }

    /** {@code explainApproval}. */
    public record ExplainParams(String toolName, JsonNode input, String sessionId) {
    }

    /** {@code {rule}}. */
    public record RuleResult(Map<String, Object> rule) {
    }

    /** {@code {rules:[...]}}. */
    public record RulesResult(List<Map<String, Object>> rules) {
    }

    /** {@code {decision?, rule?, reason}}: no decision and no rule when none decides. */
    public record ExplainResult(String decision, Map<String, Object> rule, String reason) {
    }

    public RuleMethods(RuleService service) {
        this.service = requireNonNull(service, "service is null");
    }

    public RuleResult create(CreateParams p) {
        return new RuleResult(service.create(NewRule.byHuman(p.rule(), p.decision(), p.scope(), p.workingDir(),
                p.sessionId(), p.comment(), instant(p.expiresAt()))).fields());
    }

    public RulesResult list() {
        return new RulesResult(service.list().stream().map(RuleService.RuleView::fields).toList());
    }

    public RuleResult delete(DeleteParams p) {
        return new RuleResult(service.delete(p.id()).fields());
    }

    public ExplainResult explain(ExplainParams p) {
        RuleService.Explanation e = service.explain(p.sessionId(), p.toolName(), p.input());
        return new ExplainResult(e.decision(), e.rule() == null ? null : e.rule().fields(), e.reason());
    }

    private static Instant instant(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw AgentdException.invalidParams("expires_at must be an RFC 3339 time such as 2026-01-31T12:00:00Z");
        }
    }
}
