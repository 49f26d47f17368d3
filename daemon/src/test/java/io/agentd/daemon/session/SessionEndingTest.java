package io.agentd.daemon.session;

import io.agentd.daemon.session.stream.StreamEvent;
import io.agentd.daemon.session.stream.StreamJsonParser;
import io.agentd.store.session.SessionStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionEndingTest {
    private static final StreamJsonParser PARSER = new StreamJsonParser();
    private static final StreamEvent.Result SUCCESS = result("""
            {"type":"result","subtype":"success","is_error":false,"result":"done","num_turns":1,"session_id":"c1",
             "total_cost_usd":0.01,"duration_ms":5,"duration_api_ms":4}""");
    private static final StreamEvent.Result API_ERROR = result("""
            {"type":"result","subtype":"success","is_error":true,"terminal_reason":"api_error",
             "result":"API Error: 529 Overloaded","num_turns":1,"session_id":"c1"}""");

    @Test
    void anInterruptRequestWinsEvenOverASuccessfulResult() {
        assertThat(SessionEnding.decide(true, null, SUCCESS, 0, "").status()).isEqualTo(SessionStatus.INTERRUPTED);
        assertThat(SessionEnding.decide(true, null, null, 143, "").status()).isEqualTo(SessionStatus.INTERRUPTED);
    }

    @Test
    void aSessionAgentdStoppedFailsWithItsReasonUnlessAUserInterruptedIt() {
        String reason = "no output from Claude for 30m; stopped by agentd";
        SessionEnding stopped = SessionEnding.decide(false, reason, SUCCESS, 0, "");
        assertThat(stopped.status()).isEqualTo(SessionStatus.FAILED);
        assertThat(stopped.outcome().errorMessage()).isEqualTo(reason);
        assertThat(SessionEnding.decide(false, reason, null, 130, "^C").outcome().errorMessage()).isEqualTo(reason);
        assertThat(SessionEnding.decide(true, reason, null, 130, "").status()).isEqualTo(SessionStatus.INTERRUPTED);
    }

    @Test
    void completedNeedsASuccessfulResultAndACleanExit() {
        assertThat(SessionEnding.decide(false, null, SUCCESS, 0, "").status()).isEqualTo(SessionStatus.COMPLETED);
        SessionEnding dirty = SessionEnding.decide(false, null, SUCCESS, 2, "boom");
        assertThat(dirty.status()).isEqualTo(SessionStatus.FAILED);
        assertThat(dirty.outcome().errorMessage()).contains("code 2").contains("boom");
    }

    @Test
    void failuresCarryTheRealReason() {
        assertThat(SessionEnding.decide(false, null, API_ERROR, 1, "").outcome().errorMessage()).contains("529");
        assertThat(SessionEnding.decide(false, null, null, 143, "").outcome().errorMessage()).contains("143");
        assertThat(SessionEnding.decide(false, null, null, null, "").outcome().errorMessage())
                .contains("without recording an exit status");
        assertThat(SessionEnding.decide(false, null, null, 1, "Error: No conversation found with session ID: x")
                .outcome().errorMessage()).contains("No conversation found");
    }

    private static StreamEvent.Result result(String json) {
        return (StreamEvent.Result) PARSER.parse(json.replace("\n", ""));
    }
}
