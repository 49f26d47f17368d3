package io.agentd.store.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SessionStatusTest {

    @Test
    void everyStoredStatusIsAProtocolStatusWithTheSameWireName() {
        assertThat(SessionStatus.values()).hasSameSizeAs(io.agentd.protocol.session.SessionStatus.values());
        for (SessionStatus s : SessionStatus.values()) {
            assertThat(s.wireName()).isEqualTo(s.wire().wireName());
            assertThat(s.dbValue()).isEqualTo(s.wireName());
            assertThat(SessionStatus.fromWire(s.wireName())).isSameAs(s);
        }
    }

    @Test
    void terminalAndActiveSetsComeFromTheProtocol() {
        assertThat(SessionStatus.TERMINAL)
                .containsExactly(SessionStatus.INTERRUPTED, SessionStatus.COMPLETED, SessionStatus.FAILED);
        assertThat(SessionStatus.ACTIVE).containsExactly(SessionStatus.STARTING, SessionStatus.RUNNING,
                SessionStatus.WAITING_INPUT, SessionStatus.INTERRUPTING);
        assertThat(Arrays.stream(SessionStatus.values()).filter(SessionStatus::isTerminal))
                .containsExactlyElementsOf(SessionStatus.TERMINAL);
    }
}
