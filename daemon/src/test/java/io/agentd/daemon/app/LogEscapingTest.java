package io.agentd.daemon.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A value with control characters cannot forge a log line: each entry keeps to its own lines. */
class LogEscapingTest {
    private final LoggerContext context = new LoggerContext();
    private final Logger logger = context.getLogger("io.agentd.daemon.session.SessionSupervisor");
    private final Encoder<ILoggingEvent> encoder = Logging.encoder(context);

    private String encode(String message, Throwable failure, Object... args) {
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.INFO, message, failure, args);
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

    @Test
    void escapesNewlinesAndOtherControlCharactersInMessages() {
        String model = "opus\n2026-12-01T22:00:00.000Z INFO  [main] agentd - forged\r\tx\u001b[31m\u2028end";
        String line = encode("session {} launched with model {}", null, "s1", model);
        assertThat(line.lines()).hasSize(1);
        assertThat(line).endsWith("session s1 launched with model opus\\n2026-12-01T22:00:00.000Z INFO  [main]"
                + " agentd - forged\\r\\tx\\u001b[31m\\u2028end" + System.lineSeparator());
    }

    @Test
    void keepsAStackTraceOnItsLinesButEscapesExceptionMessages() {
        Exception failure = new IllegalArgumentException("bad title 'a\nFAKE ERROR line'",
                new IllegalStateException("cause\nFORGED"));
        String text = encode("launch failed", failure);
        assertThat(text.lines().filter(l -> l.startsWith("FAKE") || l.startsWith("FORGED"))).isEmpty();
        assertThat(text).contains("java.lang.IllegalArgumentException: bad title 'a\\nFAKE ERROR line'")
                .contains("Caused by: java.lang.IllegalStateException: cause\\nFORGED")
                .contains("\tat io.agentd.daemon.app.LogEscapingTest");
    }

    @Test
    void leavesPlainTextAlone() {
        assertThat(LogEscaping.escape("plain text, ünïcode and \"quotes\"")).isEqualTo("plain text, ünïcode and \"quotes\"");
        assertThat(LogEscaping.escape(null)).isNull();
    }
}
