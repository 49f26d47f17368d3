package io.agentd.daemon.rpc.methods;

import static java.util.Objects.requireNonNull;

import io.agentd.daemon.approval.ApprovalMethods;
import io.agentd.daemon.approval.ApprovalParams;
import io.agentd.daemon.approval.ApprovalService;
import io.agentd.daemon.rpc.MethodRegistry;

/** The approval methods of the socket: method name, params record, service call. */
public final class ApprovalRpcBindings {
    private final ApprovalMethods approvals;

    public ApprovalRpcBindings(ApprovalService service) {
        this.approvals = new ApprovalMethods(requireNonNull(service, "service is null"));
    }

    /** Registers the four approval methods. */
    public void register(MethodRegistry registry) {
        registry.register("createApproval", ApprovalParams.Create.class, (p, ctx) -> approvals.create(p));
        registry.register("fetchApprovals", ApprovalParams.Fetch.class, (p, ctx) -> approvals.fetch(p));
        registry.register("getApproval", ApprovalParams.Get.class, (p, ctx) -> approvals.get(p));
        registry.register("sendDecision", ApprovalParams.Decide.class, (p, ctx) -> approvals.decide(p));
    }
}
