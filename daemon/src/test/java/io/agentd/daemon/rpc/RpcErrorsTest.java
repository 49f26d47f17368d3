package io.agentd.daemon.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.agentd.daemon.error.AgentdException;
import io.agentd.daemon.error.ErrorKind;
import io.agentd.daemon.json.JsonMappers;
import io.agentd.store.StoreException;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;

class RpcErrorsTest {

    @Test
    void keepsRpcExceptionCodeAndMessage() {
        assertThat(RpcErrors.toRpcError(new RpcException(RpcErrorCode.METHOD_NOT_FOUND, "m"), "t"))
                .isEqualTo(new RpcError(-32601, "m"));
    }

    @Test
    void mapsInvalidParamsToMinus32602() {
        assertThat(RpcErrors.toRpcError(AgentdException.invalidParams("query is required"), "t"))
                .isEqualTo(new RpcError(-32602, "query is required"));
    }

    @Test
    void mapsOtherDomainKindsToMinus32603WithTheirMessage() {
        assertThat(RpcErrors.toRpcError(AgentdException.notFound("session not found: a"), "t"))
                .isEqualTo(new RpcError(-32603, "session not found: a"));
        assertThat(RpcErrors.toRpcError(AgentdException.conflict("cannot interrupt"), "t"))
                .isEqualTo(new RpcError(-32603, "cannot interrupt"));
        assertThat(RpcErrors.toRpcError(AgentdException.unavailable("claude not available"), "t"))
                .isEqualTo(new RpcError(-32603, "claude not available"));
        assertThat(RpcErrors.toRpcError(AgentdException.internal("db failed", new IllegalStateException("x")), "t"))
                .isEqualTo(new RpcError(-32603, "db failed"));
    }

    @Test
    void reportsWhatAResultThrewWhileSerializedAsIfTheHandlerHadThrownIt() {
        StreamedResult refusing = generator -> {
            throw AgentdException.invalidParams("after_id 7 is not an event of this conversation");
        };
        // Nested in another value, Jackson wraps what it throws.
        Throwable wrapped = catchThrowable(() -> JsonMappers.daemon().writeValueAsString(List.of(refusing)));

        assertThat(wrapped).isInstanceOf(DatabindException.class);
        assertThat(RpcErrors.toRpcError(wrapped, "t"))
                .isEqualTo(new RpcError(-32602, "after_id 7 is not an event of this conversation"));
    }

    @Test
    void mapsUnexpectedExceptionsToMinus32603WithTheirMessageOnly() {
        assertThat(RpcErrors.toRpcError(new IllegalStateException("bad state"), "t"))
                .isEqualTo(new RpcError(-32603, "bad state"));
        assertThat(RpcErrors.toRpcError(new NullPointerException(), "t"))
                .isEqualTo(new RpcError(-32603, "Internal error"));
    }

    @Test
    void mapsStoreFailuresToMinus32603SayingWhatIsWrongWithTheDatabase() {
        StoreException full = StoreException.from("write", new java.sql.SQLException("database or disk is full", null, 13));
        RpcError error = RpcErrors.toRpcError(full, "t");
        assertThat(error.code()).isEqualTo(-32603);
        assertThat(error.message()).startsWith("database is full: write: the disk holding the database is full");
        StoreException readOnly = StoreException.from("begin", new java.sql.SQLException("readonly", null, 8));
        assertThat(RpcErrors.toRpcError(readOnly, "t").message()).startsWith("database is read-only: ");
    }

    @Test
    void domainFactoriesSetKinds() {
        assertThat(AgentdException.conflict("c").kind()).isEqualTo(ErrorKind.CONFLICT);
        assertThat(AgentdException.internal("i", null).kind()).isEqualTo(ErrorKind.INTERNAL);
    }
}
