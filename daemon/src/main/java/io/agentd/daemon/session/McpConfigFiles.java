package io.agentd.daemon.session;

import io.agentd.daemon.session.process.SpoolPaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Writes the {@code --mcp-config} file of a session, readable by its owner only (it carries the daemon
 * socket and session ids, and may carry a user's server credentials), and deletes it when the session ends.
 */
final class McpConfigFiles {
    private static final Logger log = LoggerFactory.getLogger(McpConfigFiles.class);
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    Path write(SpoolPaths spool, Map<String, McpServerSpec> servers) throws IOException {
        Files.createDirectories(spool.dir(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode all = root.putObject("mcpServers");
        servers.forEach((name, s) -> {
            ObjectNode entry = all.putObject(name);
            if (s.isHttp()) {
                entry.put("type", "http");
                entry.put("url", s.url());
                if (!s.headers().isEmpty()) {
                    entry.set("headers", MAPPER.valueToTree(s.headers()));
                }
            } else {
                entry.put("command", s.command());
                entry.set("args", MAPPER.valueToTree(s.args()));
                if (!s.env().isEmpty()) {
                    entry.set("env", MAPPER.valueToTree(s.env()));
                }
            }
        });
        Path file = spool.mcpConfig();
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        return file;
    }

    void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("cannot delete MCP config {}: {}", file, e.getMessage());
        }
    }
}
