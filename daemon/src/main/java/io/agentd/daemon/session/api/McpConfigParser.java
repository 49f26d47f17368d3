package io.agentd.daemon.session.api;

import io.agentd.daemon.error.AgentdException;
import io.agentd.daemon.json.JsonMappers;
import io.agentd.daemon.session.McpServerSpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads an MCP config ({@code {"mcpServers":{name:{command,args,env,type,url,headers}}}}). */
final class McpConfigParser {
    private McpConfigParser() {
    }

    static Map<String, McpServerSpec> fromString(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return fromNode(JsonMappers.daemon().readTree(json));
        } catch (JacksonException e) {
            throw AgentdException.invalidParams("invalid mcp_config JSON: " + e.getOriginalMessage());
        }
    }

    static Map<String, McpServerSpec> fromNode(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw AgentdException.invalidParams("mcp_config must be an object with mcpServers");
        }
        JsonNode servers = node.path("mcpServers");
        Map<String, McpServerSpec> out = new TreeMap<>();
        if (servers.isMissingNode() || servers.isNull()) {
            return out;
        }
        if (!servers.isObject()) {
            throw AgentdException.invalidParams("mcp_config.mcpServers must be an object");
        }
        for (Map.Entry<String, JsonNode> e : servers.properties()) {
            JsonNode s = e.getValue();
            String command = text(s, "command");
            String url = text(s, "url");
            if (command == null && url == null) {
                throw AgentdException.invalidParams("mcp_config.mcpServers." + e.getKey() + " needs a command or a url");
            }
            out.put(e.getKey(), new McpServerSpec(command, strings(s.path("args")), map(s.path("env")), text(s, "type"), url,
                    map(s.path("headers"))));
        }
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isString() && !v.asString().isBlank() ? v.asString() : null;
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(v -> out.add(v.asString()));
        return out;
    }

    private static Map<String, String> map(JsonNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        if (n.isObject()) {
            n.properties().forEach(e -> out.put(e.getKey(), e.getValue().asString()));
        }
        return out;
    }
}
