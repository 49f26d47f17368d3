package io.agentd.daemon.rpc;

import io.agentd.daemon.error.AgentdException;
import java.util.List;

/** Test-only params types and a registry with methods the tests call. */
final class TestMethods {
    private TestMethods() {
    }

    record EchoParams(String text) {
    }

    record Echo(String text) {
    }

    record LaunchParams(String query, Integer maxTurns, List<String> tools, Boolean archived, long timeoutMs,
                        boolean autoAccept, Double budget) {
        LaunchParams {
            if (query == null || query.isEmpty()) {
                throw AgentdException.invalidParams("query is required");
            }
        }
    }

    record SleepParams(long millis) {
    }

    record SubscribeParams(List<String> eventTypes) {
    }

    record Length(int length) {
    }

    /** echo, launch, none, null_result, not_found, boom, rpc_fail, length, context. */
    static MethodRegistry basic() {
        MethodRegistry registry = new MethodRegistry();
        registry.register("echo", EchoParams.class, (p, c) -> new Echo(p.text()));
        registry.register("launch", LaunchParams.class, (p, c) -> p);
        registry.register("none", NoParams.class, (p, c) -> "ok");
        registry.register("null_result", NoParams.class, (p, c) -> null);
        registry.register("not_found", NoParams.class, (p, c) -> {
            throw AgentdException.notFound("session not found: s1");
        });
        registry.register("boom", NoParams.class, (p, c) -> {
            throw new IllegalStateException("kaboom");
        });
        registry.register("rpc_fail", NoParams.class, (p, c) -> {
            throw new RpcException(RpcErrorCode.INVALID_PARAMS, "custom refusal");
        });
        registry.register("length", EchoParams.class, (p, c) -> new Length(p.text().length()));
        registry.register("context", NoParams.class, (p, c) -> c.connectionId());
        return registry;
    }
}
