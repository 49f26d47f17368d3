package io.agentd.protocol.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SessionStatusTest {

    @Test
    void wireNamesAreHlds() {
        assertThat(Arrays.stream(SessionStatus.values()).map(SessionStatus::wireName)).containsExactly(
                "draft", "starting", "running", "waiting_input", "interrupting", "interrupted", "completed",
                "failed", "discarded");
    }

    @Test
    void completedFailedAndInterruptedAreTheTerminalStatuses() {
        assertThat(Arrays.stream(SessionStatus.values()).filter(SessionStatus::isTerminal))
                .containsExactly(SessionStatus.INTERRUPTED, SessionStatus.COMPLETED, SessionStatus.FAILED);
        assertThat(SessionStatus.isTerminal("completed")).isTrue();
        assertThat(SessionStatus.isTerminal("failed")).isTrue();
        assertThat(SessionStatus.isTerminal("interrupted")).isTrue();
        assertThat(SessionStatus.isTerminal("interrupting")).isFalse();
        assertThat(SessionStatus.isTerminal("discarded")).isFalse();
    }

    @Test
    void theActiveStatusesAreThoseWithALiveProcess() {
        assertThat(Arrays.stream(SessionStatus.values()).filter(SessionStatus::isActive)).containsExactly(
                SessionStatus.STARTING, SessionStatus.RUNNING, SessionStatus.WAITING_INPUT, SessionStatus.INTERRUPTING);
        assertThat(SessionStatus.isActive("waiting_input")).isTrue();
        assertThat(SessionStatus.isActive("draft")).isFalse();
    }

    @Test
    void everyStatusReadsBackFromItsWireName() {
        for (SessionStatus s : SessionStatus.values()) {
            assertThat(SessionStatus.fromWire(s.wireName())).isSameAs(s);
            assertThat(SessionStatus.parse(s.wireName())).contains(s);
        }
    }

    @Test
    void anUnknownOrMissingStatusIsNeitherTerminalNorActive() {
        assertThat(SessionStatus.parse("paused")).isEmpty();
        assertThat(SessionStatus.parse(null)).isEmpty();
        assertThat(SessionStatus.parse("COMPLETED")).isEmpty();
        assertThat(SessionStatus.isTerminal(null)).isFalse();
        assertThat(SessionStatus.isTerminal("paused")).isFalse();
        assertThat(SessionStatus.isActive(null)).isFalse();
        assertThatThrownBy(() -> SessionStatus.fromWire("paused"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown session status: paused");
    }
}
