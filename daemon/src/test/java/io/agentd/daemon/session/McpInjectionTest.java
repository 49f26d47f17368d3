package io.agentd.daemon.session;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class McpInjectionTest {
    private static final Path SOCKET = Path.of("/run/agentd.sock");

    @Test
    void injectsTheApprovalsServerAndTellsEveryServerHowToReportBack() {
        McpInjection injection = new McpInjection(List.of("humanlayer", "mcp", "claude_approvals"), SOCKET);
        Map<String, McpServerSpec> servers = injection.apply(Map.of(
                "files", McpServerSpec.stdio("files-server", List.of("--root", "/"), Map.of("TOKEN", "t")),
                "web", McpServerSpec.http("https://mcp.example/x", Map.of())), "s1", "r1");
        assertThat(servers.keySet()).containsExactly("codelayer", "files", "web");
        McpServerSpec codelayer = servers.get("codelayer");
        assertThat(codelayer.command()).isEqualTo("humanlayer");
        assertThat(codelayer.args()).containsExactly("mcp", "claude_approvals");
        assertThat(codelayer.env()).containsEntry("HUMANLAYER_SESSION_ID", "s1")
                .containsEntry("HUMANLAYER_RUN_ID", "r1").containsEntry("HUMANLAYER_DAEMON_SOCKET", SOCKET.toString());
        assertThat(servers.get("files").env()).containsEntry("TOKEN", "t").containsEntry("HUMANLAYER_RUN_ID", "r1");
        assertThat(servers.get("web").headers()).containsEntry("X-Session-ID", "s1");
        assertThat(injection.permissionTool(null)).isEqualTo("mcp__codelayer__request_permission");
        assertThat(injection.permissionTool("mcp__mine__ask")).isEqualTo("mcp__mine__ask");
    }

    @Test
    void withoutAnApprovalsCommandNothingIsInjectedAndNoPermissionToolIsForced() {
        McpInjection injection = new McpInjection(List.of(), SOCKET);
        assertThat(injection.apply(Map.of(), "s1", "r1")).isEmpty();
        assertThat(injection.permissionTool("")).isNull();
    }
}
