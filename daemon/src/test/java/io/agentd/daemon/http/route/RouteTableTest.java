package io.agentd.daemon.http.route;

import io.agentd.daemon.error.AgentdException;
import io.agentd.daemon.json.JsonMappers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouteTableTest {
    record Body(String claudePath, boolean flag) {
    }

    @Test
    void matchesTemplatesMethodsAndPrefersLiteralSegments() {
        RouteTable table = new RouteTable("/api/v1", 100)
                .get("/sessions/{id}", c -> HttpReply.data("one"))
                .get("/sessions/search", c -> HttpReply.data("search"));
        assertThat(table.match("GET", "/api/v1/sessions/abc")).isInstanceOfSatisfying(RouteTable.Match.Found.class,
                f -> assertThat(f.pathParams()).containsEntry("id", "abc"));
        assertThat(table.match("GET", "/api/v1/sessions/search")).isInstanceOfSatisfying(RouteTable.Match.Found.class,
                f -> assertThat(f.route().template()).isEqualTo("/api/v1/sessions/search"));
        assertThat(table.match("POST", "/api/v1/sessions/abc")).isInstanceOfSatisfying(RouteTable.Match.WrongMethod.class,
                w -> assertThat(w.allowed()).containsExactly("GET"));
        assertThat(table.match("GET", "/api/v1/other")).isInstanceOf(RouteTable.Match.NotFound.class);
        assertThatThrownBy(() -> table.get("/sessions/{id}", c -> HttpReply.noContent()))
                .hasMessageContaining("registered twice");
    }

    @Test
    void errorsMapToHldCodesInOnePlace() {
        assertThat(HttpErrors.toReply(AgentdException.invalidParams("x"), "t").status()).isEqualTo(400);
        assertThat(HttpErrors.toReply(AgentdException.notFound("x"), "t").status()).isEqualTo(404);
        assertThat(((ErrorBody) HttpErrors.toReply(AgentdException.notFound("x"), "t").body()).error().code())
                .isEqualTo("HLD-1002");
        assertThat(((ErrorBody) HttpErrors.toReply(AgentdException.alreadyDecided("x"), "t").body()).error().code())
                .isEqualTo("HLD-3002");
        assertThat(((ErrorBody) HttpErrors.toReply(AgentdException.conflict("x"), "t").body()).error().code())
                .isEqualTo("HLD-4003");
        HttpReply.Json unexpected = HttpErrors.toReply(new IllegalStateException("secret detail"), "t");
        assertThat(unexpected.status()).isEqualTo(500);
        assertThat(((ErrorBody) unexpected.body()).error().message()).doesNotContain("secret");
    }

    @Test
    void bodiesBindSnakeCaseAndNameTheBadField() {
        JsonBodies bodies = new JsonBodies(JsonMappers.daemon());
        assertThat(bodies.bind("{\"claude_path\":\"/x\",\"flag\":true}".getBytes(), Body.class))
                .isEqualTo(new Body("/x", true));
        assertThatThrownBy(() -> bodies.bind("{\"flag\":\"no\"}".getBytes(), Body.class))
                .isInstanceOf(AgentdException.class).hasMessageContaining("'flag'");
        assertThatThrownBy(() -> bodies.bind("{".getBytes(), Body.class)).hasMessageStartingWith("malformed JSON");
        assertThatThrownBy(() -> bodies.bind(new byte[0], Body.class)).hasMessageContaining("required");
    }
}
