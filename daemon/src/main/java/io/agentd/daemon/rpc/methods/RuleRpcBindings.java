package io.agentd.daemon.rpc.methods;

import io.agentd.daemon.approval.rules.RuleMethods;
import io.agentd.daemon.approval.rules.RuleService;
import io.agentd.daemon.rpc.MethodRegistry;
import io.agentd.daemon.rpc.NoParams;

import static java.util.Objects.requireNonNull;

/** agentd's permission-rule methods of the socket: method name, params record, service call. */
public final class RuleRpcBindings {
    private final RuleMethods rules;

    public RuleRpcBindings(RuleService service) {
        this.rules = new RuleMethods(requireNonNull(service, "service is null"));
    }

    /** Registers createRule, listRules, deleteRule and explainApproval. */
    public void register(MethodRegistry registry) {
        registry.register("createRule", RuleMethods.CreateParams.class, (p, ctx) -> rules.create(p));
        registry.register("listRules", NoParams.class, (p, ctx) -> rules.list());
        registry.register("deleteRule", RuleMethods.DeleteParams.class, (p, ctx) -> rules.delete(p));
        registry.register("explainApproval", RuleMethods.ExplainParams.class, (p, ctx) -> rules.explain(p));
    }
}
