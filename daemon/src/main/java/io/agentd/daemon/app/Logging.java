package io.agentd.daemon.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import io.agentd.store.PrivateFiles;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Configures Logback in code: stderr plus a rotating file. Programmatic set-up avoids parsing XML at
 * start-up, and stdout is never an appender target (it stays clean for callers that read it).
 */
final class Logging {
    /** {@code %safeMsg} and {@code %safeEx} escape control characters ({@link LogEscaping}): one entry, its own lines. */
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{24} - %safeMsg%n%safeEx";

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
        Encoder<ILoggingEvent> encoder = encoder(context);
        tightenLogFiles(logDir);
        RollingFileAppender<ILoggingEvent> file = new PrivateRollingFileAppender();
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

    /** The encoder of every appender: {@link #PATTERN} with the escaping converters. */
    static Encoder<ILoggingEvent> encoder(LoggerContext context) {
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.getInstanceConverterMap().put("safeMsg", LogEscaping.MessageEscaper::new);
        layout.getInstanceConverterMap().put("safeEx", LogEscaping.ThrowableEscaper::new);
        layout.setPattern(PATTERN);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        return encoder;
    }

    /** Log files that an older agentd (or a 0755 folder and the umask) left readable by others become 0600. */
    private static void tightenLogFiles(Path logDir) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(logDir, "agentd*.log*")) {
            files.forEach(PrivateFiles::tighten);
        } catch (IOException e) {
            System.err.println("agentd: cannot list " + logDir + ": " + e.getMessage());
        }
    }

    /**
     * Opens each log file (the first, and the new one after a roll-over) as a 0600 file: log lines name
     * sessions, paths and errors nobody else needs to read. Rolled archives stay in the 0700 log folder and
     * are tightened at the next start.
     */
    private static final class PrivateRollingFileAppender extends RollingFileAppender<ILoggingEvent> {
        @Override
        public void openFile(String fileName) throws IOException {
            Path path = Path.of(fileName);
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            PrivateFiles.createOrTighten(path);
            super.openFile(fileName);
        }
    }

    static Level parseLevel(String name) {
        Level level = Level.toLevel(name, null);
        if (level == null) {
            throw new IllegalArgumentException("unknown log level '" + name + "' (use trace, debug, info, warn or error)");
        }
        return level;
    }
}
