package io.agentd.daemon.approval;

import io.agentd.daemon.approval.rules.RuleRows;
import io.agentd.daemon.json.JsonMappers;
import io.agentd.protocol.approval.Approval;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The JSON-RPC shapes of hld's approval methods ({@code createApproval}, called by the MCP approvals server,
 * {@code fetchApprovals}, {@code getApproval}, {@code sendDecision}) and their mapping to
 * {@link ApprovalService}. No rule lives here.
 */
public final class ApprovalMethods {
    private final ApprovalService service;

    /** {@code {approval_id}}. */
    public record CreateResult(String approvalId) {
    }

    /** {@code {approvals:[...]}}, never null (hld sends null for a session without pending approvals). */
    public record FetchResult(List<Approval> approvals) {
    }

    /** {@code {approval}}. */
    public record GetResult(Approval approval) {
    }

    /**
     * {@code {success:true}} or {@code {success:false, error}}: a refused decision is a result, not an RPC error.
     * {@code rule} (agentd) is the rule {@code remember} created, only then.
     */
    public record DecisionResult(boolean success, String error, Map<String, Object> rule) {
    }

    public ApprovalMethods(ApprovalService service) {
        this.service = requireNonNull(service, "service is null");
    }

    /** Stores an approval; the tool input is kept as the JSON text Claude sent. */
    public CreateResult create(ApprovalParams.Create p) {
        String input = JsonMappers.daemon().writeValueAsString(p.toolInput());
        return new CreateResult(service.create(new ApprovalService.NewApproval(p.runId(), p.toolName(), input,
                p.toolUseId())).id());
    }

    /** A session's pending approvals; none without a session, as hld. */
    public FetchResult fetch(ApprovalParams.Fetch p) {
        return new FetchResult(service.pending(p.sessionId()).stream().map(ApprovalWire::of).toList());
    }

    /** One approval. */
    public GetResult get(ApprovalParams.Get p) {
        return new GetResult(ApprovalWire.of(service.get(p.approvalId())));
    }

    /** A person's decision; a refused one is a result, not an error. */
    public DecisionResult decide(ApprovalParams.Decide p) {
        ApprovalService.Remember remember = p.remember() == null ? null
                : new ApprovalService.Remember(p.remember().scope(), p.remember().rule());
        ApprovalService.DecisionOutcome outcome = service.decide(p.approvalId(), p.approve(), p.comment(), remember);
        return new DecisionResult(outcome.success(), outcome.error(),
                outcome.rememberedRule() == null ? null : RuleRows.wire(outcome.rememberedRule()));
    }
}
