package io.agentd.daemon.session.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.MissingNode;

class TokenUsageTest {
    private final StreamJsonParser parser = new StreamJsonParser();

    private StreamEvent assistant(String parent, String usage) {
        return parser.parse("{\"type\":\"assistant\",\"parent_tool_use_id\":" + parent + ",\"message\":{\"role\":\"assistant\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"x\"}]" + (usage == null ? "" : ",\"usage\":" + usage) + "}}");
    }

    @Test
    void rootAssistantUsageCounts() {
        StreamEvent event = assistant("null", "{\"input_tokens\":10,\"output_tokens\":2,"
                + "\"cache_creation_input_tokens\":300,\"cache_read_input_tokens\":4000}");

        Optional<Usage> usage = TokenUsage.rootUsage(event);

        assertThat(usage).contains(new Usage(10, 2, 300, 4000));
        assertThat(TokenUsage.effectiveContextTokens(usage.orElseThrow())).isEqualTo(4312);
    }

    @Test
    void subAgentUsageIsSkipped() {
        assertThat(TokenUsage.rootUsage(assistant("\"toolu_task\"", "{\"input_tokens\":10}"))).isEmpty();
    }

    @Test
    void eventsWithoutUsageOrNotAssistantAreSkipped() {
        assertThat(TokenUsage.rootUsage(assistant("null", null))).isEmpty();
        assertThat(TokenUsage.rootUsage(parser.parse("{\"type\":\"result\",\"usage\":{\"input_tokens\":1}}"))).isEmpty();
    }

    @Test
    void contextWindowPrefersTheMainModelElseTheLargest() {
        Map<String, ModelUsage> byModel = new LinkedHashMap<>();
        byModel.put("claude-haiku-4-5", new ModelUsage(1, 1, 0, 0, 0.1, 200_000, 64_000));
        byModel.put("claude-opus-5-5", new ModelUsage(1, 1, 0, 0, 0.1, 1_000_000, 128_000));
        byModel.put("claude-sonnet-5-5", new ModelUsage(1, 1, 0, 0, 0.1, 0, 0));
        StreamEvent.Result result = new StreamEvent.Result("s", "success", false, "completed", "", 1, 1, 1, 0.3,
                Optional.empty(), byModel, List.of(), 0, "", List.of(), MissingNode.getInstance());

        assertThat(TokenUsage.contextWindow(result, "claude-haiku-4-5")).hasValue(200_000);
        assertThat(TokenUsage.contextWindow(result, "claude-sonnet-5-5")).hasValue(1_000_000);
        assertThat(TokenUsage.contextWindow(result)).hasValue(1_000_000);
    }
}
