package io.agentd.testkit.fakeapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ScriptTest {
    @Test
    void turnsPastTheEndAreEmptyUnlessTheScriptRepeats() {
        Reply first = Reply.text("one");
        Reply second = Reply.text("two");

        assertThat(Script.of(first, second).turn(1)).contains(second);
        assertThat(Script.of(first, second).turn(2)).isEmpty();
        assertThat(Script.always(first).turn(7)).contains(first);
    }

    @Test
    void tagNamesTheScript() {
        assertThat(Script.tag("read_file")).isEqualTo("[[script:read_file]]");
        assertThatThrownBy(() -> Script.tag("no spaces")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scriptIsChosenByTheTagInTheFirstUserMessage() {
        JsonNode body = Json.parse("""
                {"messages":[
                  {"role":"user","content":[
                    {"type":"text","text":"<system-reminder>context</system-reminder>"},
                    {"type":"text","text":"[[script:first]] do it"}]},
                  {"role":"system","content":"environment"},
                  {"role":"assistant","content":[{"type":"text","text":"ok"}]},
                  {"role":"user","content":"now [[script:second]]"}]}
                """);

        assertThat(ScriptTag.scriptName(body)).contains("first");
        assertThat(ScriptTag.turnIndex(body)).isEqualTo(1);
    }

    @Test
    void stringContentAndMissingTagsWork() {
        assertThat(ScriptTag.scriptName(Json.parse("{\"messages\":[{\"role\":\"user\",\"content\":\"[[script:x.y-z]]\"}]}")))
                .contains("x.y-z");
        assertThat(ScriptTag.scriptName(Json.parse("{\"messages\":[{\"role\":\"user\",\"content\":\"plain\"}]}")))
                .isEmpty();
        assertThat(ScriptTag.scriptName(Json.parse("{}"))).isEmpty();
        assertThat(ScriptTag.turnIndex(Json.parse("{}"))).isZero();
    }

    @Test
    void turnIndexCountsAssistantMessagesAfterToolResults() {
        JsonNode body = Json.parse("""
                {"messages":[
                  {"role":"user","content":"[[script:t]]"},
                  {"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"Read","input":{}}]},
                  {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"data"}]},
                  {"role":"assistant","content":[{"type":"tool_use","id":"toolu_2","name":"Read","input":{}}]},
                  {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_2","content":"more"}]}]}
                """);

        assertThat(ScriptTag.turnIndex(body)).isEqualTo(2);
        RecordedRequest request = new RecordedRequest("POST", "/v1/messages", "", body);
        assertThat(request.toolResults()).hasSize(2);
        assertThat(request.texts("user")).containsExactly("[[script:t]]", "data", "more");
    }

    @Test
    void invalidToolInputIsRejectedWhenTheScriptIsBuilt() {
        assertThatThrownBy(() -> Reply.toolUse("Read", "[1]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Reply.toolUse("Read", "{broken")).isInstanceOf(IllegalArgumentException.class);
    }
}
