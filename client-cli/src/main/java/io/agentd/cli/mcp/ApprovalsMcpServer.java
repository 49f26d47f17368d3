package io.agentd.cli.mcp;

import static java.util.Objects.requireNonNull;

import io.agentd.cli.protocol.ProtocolJson;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ErrorCodes;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The stdio MCP server Claude Code calls as its permission prompt tool: hlyr's
 * {@code humanlayer mcp claude_approvals} (server {@value #SERVER_NAME}, one tool {@value #TOOL_NAME}),
 * built on the MCP Java SDK. Everything it writes to {@code out} is protocol; logs go to stderr.
 *
 * <p>The SDK answers requests it does not know, such as the {@code server/discover} probe Claude Code
 * sends first, with JSON-RPC error -32601. Tool calls run on the SDK's worker threads, so several
 * requests may wait for decisions at once.
 */
public final class ApprovalsMcpServer {
    public static final String SERVER_NAME = "humanlayer-claude-local-approvals";
    public static final String SERVER_VERSION = "1.0.0";
    public static final String TOOL_NAME = "request_permission";

    private static final Logger log = LoggerFactory.getLogger(ApprovalsMcpServer.class);
    private static final String INPUT_SCHEMA = """
            {"type":"object",
             "properties":{
               "tool_name":{"type":"string","description":"The tool Claude Code wants to run"},
               "input":{"type":"object","description":"The tool's input"},
               "tool_use_id":{"type":"string","description":"The id of the tool_use block"}},
             "required":["tool_name","input","tool_use_id"]}""";

    private final PermissionGate gate;

    public ApprovalsMcpServer(PermissionGate gate) {
        this.gate = requireNonNull(gate, "gate is null");
    }

    /** Serves {@code in}/{@code out} until {@code in} ends, then returns. */
    public void serve(InputStream in, OutputStream out) throws InterruptedException {
        CountDownLatch ended = new CountDownLatch(1);
        McpJsonMapper mapper = McpJsonDefaults.getMapper();
        var transport = new StdioServerTransportProvider(mapper, new EndSignallingInput(in, ended), out);
        McpSyncServer server = McpServer.sync(transport)
                .serverInfo(SERVER_NAME, SERVER_VERSION)
                .capabilities(ServerCapabilities.builder().tools(false).build())
                .tools(toolSpecification(mapper))
                .build();
        try {
            ended.await();
        } finally {
            server.closeGracefully();
        }
    }

    private SyncToolSpecification toolSpecification(McpJsonMapper mapper) {
        Tool tool = Tool.builder(TOOL_NAME, mapper, INPUT_SCHEMA)
                .description("Request permission to run a tool; a human approves or denies it through agentd")
                .build();
        return SyncToolSpecification.builder().tool(tool).callHandler(this::call).build();
    }

    private CallToolResult call(McpSyncServerExchange exchange, CallToolRequest call) {
        PermissionRequest request = request(call.arguments());
        try {
            PermissionDecision decision = gate.decide(request);
            return CallToolResult.builder().addTextContent(decision.toJson()).build();
        } catch (PermissionGateException e) {
            log.error("permission request for {} failed: {}", request.toolName(), e.getMessage());
            throw McpError.builder(ErrorCodes.INTERNAL_ERROR).message(e.getMessage()).build();
        }
    }

    private static PermissionRequest request(Map<String, Object> arguments) {
        JsonNode args = ProtocolJson.MAPPER.valueToTree(arguments == null ? Map.of() : arguments);
        String toolName = args.path("tool_name").asString("");
        if (toolName.isBlank()) {
            throw McpError.builder(ErrorCodes.INVALID_PARAMS).message("tool_name is required").build();
        }
        JsonNode input = args.get("input");
        if (input == null || input.isNull()) {
            input = ProtocolJson.MAPPER.createObjectNode();
        }
        return new PermissionRequest(toolName, input,
                args.path("tool_use_id").asString(""));
    }

    /** Counts the latch down when the client closes our stdin: the session is over. */
    private static final class EndSignallingInput extends FilterInputStream {
        private final CountDownLatch ended;

        EndSignallingInput(InputStream in, CountDownLatch ended) {
            super(in);
            this.ended = ended;
        }

        @Override
        public int read() throws IOException {
            try {
                return signal(super.read());
            } catch (IOException e) {
                ended.countDown();
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return signal(super.read(b, off, len));
            } catch (IOException e) {
                ended.countDown();
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            ended.countDown();
            super.close();
        }

        private int signal(int n) {
            if (n < 0) {
                ended.countDown();
            }
            return n;
        }
    }
}
