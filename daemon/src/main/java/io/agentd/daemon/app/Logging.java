package io.agentd.daemon.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * Configures Logback in code: stderr plus a rotating file. Programmatic set-up avoids parsing XML at
 * start-up, and stdout is never an appender target (it stays clean for callers that read it).
 */
final class Logging {
    private static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{24} - %msg%n";

    private Logging() {
    }

    /** Logs to stderr only; used before the daemon knows where its log folder is. */
    static void stderrOnly(LoggerContext context, Level level) {
        context.reset();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(level);
        // Jetty reports its start and each connector at info; the daemon logs the one line that matters.
        context.getLogger("org.eclipse.jetty").setLevel(level.isGreaterOrEqual(Level.INFO) ? Level.WARN : level);
        root.addAppender(console(context));
    }

    /** Logs to stderr and to {@code logDir/agentd.log}, rotated daily and at 20 MB, 200 MB kept in all. */
    static void configure(Level level, Path logDir) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        stderrOnly(context, level);
        PatternLayoutEncoder encoder = encoder(context);
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("file");
        file.setFile(logDir.resolve("agentd.log").toString());
        file.setEncoder(encoder);
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(file);
        policy.setFileNamePattern(logDir.resolve("agentd.%d{yyyy-MM-dd}.%i.log.gz").toString());
        policy.setMaxFileSize(FileSize.valueOf("20MB"));
        policy.setMaxHistory(14);
        policy.setTotalSizeCap(FileSize.valueOf("200MB"));
        policy.start();
        file.setRollingPolicy(policy);
        file.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(file);
    }

    private static ConsoleAppender<ILoggingEvent> console(LoggerContext context) {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("stderr");
        console.setTarget("System.err");
        console.setEncoder(encoder(context));
        console.start();
        return console;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        return encoder;
    }

    static Level parseLevel(String name) {
        Level level = Level.toLevel(name, null);
        if (level == null) {
            throw new IllegalArgumentException("unknown log level '" + name + "' (use trace, debug, info, warn or error)");
        }
        return level;
    }
}
