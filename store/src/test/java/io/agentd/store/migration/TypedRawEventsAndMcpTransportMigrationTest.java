package io.agentd.store.migration;

import io.agentd.store.Database;
import io.agentd.store.DatabaseOptions;
import io.agentd.store.mcp.McpServerRepository;
import io.agentd.store.mcp.McpServerRow;
import io.agentd.store.rawevent.RawEventRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database written before migration 6 keeps working: its HTTP MCP servers (stored as command "http")
 * come back as HTTP servers, and the result line it stored is found by type.
 */
class TypedRawEventsAndMcpTransportMigrationTest {
    private static final String RESULT = "{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false}";

    @Test
    void convertsHttpServersAndTypesStoredLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("agentd.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            MigrationRunner.migrate(c, Migrations.all().subList(0, 5));
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO sessions (id, run_id, status, query, created_at, last_activity_at)"
                        + " VALUES ('s1', 'r1', 'running', 'q', 0, 0)");
                s.execute("INSERT INTO mcp_servers (session_id, name, command, args_json, env_json) VALUES"
                        + " ('s1', 'web', 'http', '[\"https://mcp.example/x\"]', '{\"Authorization\":\"Bearer t\"}'),"
                        + " ('s1', 'local', 'npx', '[\"server\"]', '{\"K\":\"V\"}')");
                s.execute("INSERT INTO raw_events (session_id, event_json, created_at) VALUES"
                        + " ('s1', '" + RESULT + "', 1), ('s1', '{\"type\":\"system\",\"subtype\":\"x\"}', 2),"
                        + " ('s1', 'not json, mentions \"type\":\"result\"', 3)");
            }
        }

        try (Database db = Database.open(DatabaseOptions.defaults(file))) {
            assertThat(db.<List<McpServerRow>>read(c -> new McpServerRepository().bySession(c, "s1"))).containsExactly(
                    new McpServerRow.Stdio("s1", "local", "npx", List.of("server"), Map.of("K", "V")),
                    new McpServerRow.Http("s1", "web", "https://mcp.example/x", Map.of("Authorization", "Bearer t")));
            assertThat(db.<Optional<String>>read(c -> new RawEventRepository().latestOfType(c, "s1", "result")))
                    .contains(RESULT);
        }
    }
}
