package io.agentd.daemon.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentd.daemon.error.AgentdException;
import io.agentd.daemon.error.ErrorKind;
import io.agentd.daemon.json.JsonMappers;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ParamsBinderTest {
    private final ParamsBinder binder = new ParamsBinder(JsonMappers.daemon());

    /** A params record in the style of the daemon's: wire names in snake case, a rule in the constructor. */
    record Sample(String sessionId, Integer maxTurns, Boolean archived, Double ratio, List<String> tools) {
        Sample {
            if ("forbidden".equals(sessionId)) {
                throw AgentdException.invalidParams("session_id may not be forbidden");
            }
            if ("illegal".equals(sessionId)) {
                throw new IllegalArgumentException("not this one");
            }
        }
    }

    private static JsonNode json(String text) {
        return JsonMappers.daemon().readTree(text);
    }

    private static void refused(ThrowingBind bind, String message) {
        assertThatThrownBy(bind::run).isInstanceOfSatisfying(RpcException.class,
                e -> assertThat(e.code()).isEqualTo(RpcErrorCode.INVALID_PARAMS)).hasMessage(message);
    }

    @FunctionalInterface
    private interface ThrowingBind {
        void run();
    }

    @Test
    void bindsSnakeCaseFieldsOfTheirOwnType() {
        Sample s = binder.bind(json("{\"session_id\":\"s1\",\"max_turns\":3,\"archived\":true,\"ratio\":2,"
                + "\"tools\":[\"Read\"]}"), Sample.class);
        assertThat(s).isEqualTo(new Sample("s1", 3, true, 2.0, List.of("Read")));
    }

    @Test
    void absentOrNullParamsBindAsAnEmptyObject() {
        assertThat(binder.bind(null, Sample.class)).isEqualTo(new Sample(null, null, null, null, null));
        assertThat(binder.bind(json("null"), Sample.class)).isEqualTo(new Sample(null, null, null, null, null));
    }

    @Test
    void paramsThatAreNoObjectAreRefused() {
        refused(() -> binder.bind(json("[1,2]"), Sample.class), "params must be an object");
        refused(() -> binder.bind(json("\"s1\""), Sample.class), "params must be an object");
    }

    @Test
    void scalarsOfAnotherJsonTypeAreRefusedNamingTheField() {
        refused(() -> binder.bind(json("{\"session_id\":7}"), Sample.class), "invalid params: session_id: expected string");
        refused(() -> binder.bind(json("{\"max_turns\":\"10\"}"), Sample.class),
                "invalid params: max_turns: expected integer");
        refused(() -> binder.bind(json("{\"max_turns\":1.5}"), Sample.class), "invalid params: max_turns: expected integer");
        refused(() -> binder.bind(json("{\"archived\":\"true\"}"), Sample.class),
                "invalid params: archived: expected boolean");
        refused(() -> binder.bind(json("{\"archived\":1}"), Sample.class), "invalid params: archived: expected boolean");
        refused(() -> binder.bind(json("{\"ratio\":\"2\"}"), Sample.class), "invalid params: ratio: expected number");
    }

    @Test
    void anElementOfTheWrongTypeIsNamedByItsIndex() {
        refused(() -> binder.bind(json("{\"tools\":[\"Read\",3]}"), Sample.class),
                "invalid params: tools[1]: expected string");
    }

    @Test
    void aRecordsOwnRefusalReachesTheClientAsItIs() {
        assertThatThrownBy(() -> binder.bind(json("{\"session_id\":\"forbidden\"}"), Sample.class))
                .isInstanceOfSatisfying(AgentdException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_PARAMS))
                .hasMessage("session_id may not be forbidden");
        refused(() -> binder.bind(json("{\"session_id\":\"illegal\"}"), Sample.class), "invalid params: not this one");
    }
}
