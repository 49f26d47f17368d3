package io.agentd.daemon.approval;

import io.agentd.daemon.json.JsonMappers;
import io.agentd.daemon.rpc.MethodRegistry;
import io.agentd.protocol.approval.Approval;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * hld's approval methods: {@code createApproval} (called by the MCP approvals server), {@code fetchApprovals},
 * {@code getApproval} and {@code sendDecision}.
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

    /** {@code {success:true}} or {@code {success:false, error}}: a refused decision is a result, not an RPC error. */
    public record DecisionResult(boolean success, String error) {
    }

    public ApprovalMethods(ApprovalService service) {
        this.service = requireNonNull(service, "service is null");
    }

    public void register(MethodRegistry registry) {
        registry.register("createApproval", ApprovalParams.Create.class, (p, ctx) -> create(p));
        registry.register("fetchApprovals", ApprovalParams.Fetch.class, (p, ctx) -> fetch(p));
        registry.register("getApproval", ApprovalParams.Get.class,
                (p, ctx) -> new GetResult(ApprovalWire.of(service.get(p.approvalId()))));
        registry.register("sendDecision", ApprovalParams.Decide.class, (p, ctx) -> decide(p));
    }

    CreateResult create(ApprovalParams.Create p) {
        String input = JsonMappers.daemon().writeValueAsString(p.toolInput());
        return new CreateResult(service.create(new ApprovalService.NewApproval(p.runId(), p.toolName(), input,
                p.toolUseId())).id());
    }

    FetchResult fetch(ApprovalParams.Fetch p) {
        if (p.sessionId() == null || p.sessionId().isEmpty()) {
            return new FetchResult(List.of());
        }
        return new FetchResult(service.pending(p.sessionId()).stream().map(ApprovalWire::of).toList());
    }

    DecisionResult decide(ApprovalParams.Decide p) {
        ApprovalService.DecisionOutcome outcome = service.decide(p.approvalId(), p.approve(), p.comment());
        return new DecisionResult(outcome.success(), outcome.error());
    }
}
