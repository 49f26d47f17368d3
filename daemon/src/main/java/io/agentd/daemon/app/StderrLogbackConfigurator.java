package io.agentd.daemon.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's default when nothing else configured it (found through {@code ServiceLoader}): stderr at
 * INFO, unless a {@code logback(-test).xml} is on the class path. Replaces Logback's own fallback, which
 * writes to stdout.
 */
public final class StderrLogbackConfigurator extends ContextAwareBase implements Configurator {
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader != null && (loader.getResource("logback-test.xml") != null || loader.getResource("logback.xml") != null)) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY; // an explicit file (tests) wins
        }
        Logging.stderrOnly(context, Level.INFO);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
