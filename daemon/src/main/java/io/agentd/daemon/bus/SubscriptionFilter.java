package io.agentd.daemon.bus;

import java.util.Set;

/**
 * hld's subscription filter: every given part must match. An empty type set matches every type; unknown
 * type names are kept and match nothing (as hld does over RPC).
 */
public record SubscriptionFilter(Set<String> types, String sessionId, String runId) {
    public SubscriptionFilter {
        types = types == null ? Set.of() : Set.copyOf(types);
        sessionId = sessionId == null || sessionId.isEmpty() ? null : sessionId;
        runId = runId == null || runId.isEmpty() ? null : runId;
    }

    public static SubscriptionFilter all() {
        return new SubscriptionFilter(Set.of(), null, null);
    }

    public boolean matches(PublishedEvent e) {
        return (types.isEmpty() || types.contains(e.type()))
                && (sessionId == null || sessionId.equals(e.sessionId()))
                && (runId == null || runId.equals(e.runId()));
    }
}
