package io.agentd.daemon.session.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FailureReasonsTest {
    private final StreamJsonParser parser = new StreamJsonParser();

    private StreamEvent.Result result(String fields) {
        return (StreamEvent.Result) parser.parse("{\"type\":\"result\",\"is_error\":true," + fields + "}");
    }

    @Test
    void apiErrorTextWins() {
        StreamEvent.Result r = result("\"subtype\":\"success\",\"terminal_reason\":\"api_error\",\"api_error_status\":500,"
                + "\"result\":\"API Error: 500 boom\",\"errors\":[\"other\"]");

        assertThat(FailureReasons.of(r, "stderr", 1)).isEqualTo("API Error: 500 boom");
    }

    @Test
    void errorsOfErrorSubtypes() {
        StreamEvent.Result r = result("\"subtype\":\"error_during_execution\",\"errors\":[\"No conversation found with session ID: x\"]");

        assertThat(FailureReasons.of(r, "", 1)).isEqualTo("No conversation found with session ID: x");
    }

    @Test
    void maxTurns() {
        assertThat(FailureReasons.of(result("\"subtype\":\"error_max_turns\",\"num_turns\":3"), "", 1))
                .isEqualTo("max turns reached (3 turns)");
        assertThat(FailureReasons.of(result("\"subtype\":\"error_max_turns\""), "", 1)).isEqualTo("max turns reached");
    }

    @Test
    void terminalReason() {
        assertThat(FailureReasons.of(result("\"subtype\":\"success\",\"terminal_reason\":\"aborted_streaming\""), "", 0))
                .isEqualTo("interrupted (aborted_streaming)");
        assertThat(FailureReasons.of(result("\"subtype\":\"success\",\"terminal_reason\":\"budget_exceeded\""), "", 1))
                .isEqualTo("claude stopped: budget exceeded");
    }

    @Test
    void stderrTailThenSubtypeThenExitCode() {
        StreamEvent.Result r = result("\"subtype\":\"error_during_execution\",\"terminal_reason\":\"completed\"");

        assertThat(FailureReasons.of(r, "l1\nl2\n\nl3\nl4\nl5\nl6\n", 1)).isEqualTo("claude error: l2\nl3\nl4\nl5\nl6");
        assertThat(FailureReasons.of(r, "  ", 1)).isEqualTo("during execution");
        assertThat(FailureReasons.of(result("\"subtype\":\"success\""), "", 1)).isEqualTo("claude exited with code 1");
    }

    @Test
    void withoutResult() {
        assertThat(FailureReasons.of("Error: unknown option '--bogus'\n", 1)).isEqualTo("claude error: Error: unknown option '--bogus'");
        assertThat(FailureReasons.of("", 143)).isEqualTo("claude exited with code 143 (signal 15)");
        assertThat(FailureReasons.of(null, 1)).isEqualTo("claude exited with code 1");
        assertThat(FailureReasons.of("", 0)).isEqualTo("claude exited without a result (exit code 0)");
        assertThat(FailureReasons.of("warning: update available\n", 0))
                .isEqualTo("claude exited without a result (exit code 0): warning: update available");
    }

    @Test
    void longStderrIsCut() {
        String reason = FailureReasons.of("x".repeat(5000), 1);

        assertThat(reason).startsWith("claude error: ...").hasSize("claude error: ...".length() + FailureReasons.STDERR_TAIL_CHARS);
    }
}
