package io.agentd.daemon.rpc.methods;

import static java.util.Objects.requireNonNull;

import io.agentd.daemon.health.HealthService;
import io.agentd.daemon.rpc.MethodRegistry;
import io.agentd.daemon.rpc.NoParams;

/** The {@code health} method of the socket. */
public final class HealthRpcBindings {
    private final HealthService health;

    public HealthRpcBindings(HealthService health) {
        this.health = requireNonNull(health, "health is null");
    }

    /** Registers {@code health}. */
    public void register(MethodRegistry registry) {
        registry.register("health", NoParams.class, (p, ctx) -> health.health());
    }
}
