package io.agentd.daemon.app;

import ch.qos.logback.classic.Level;
import io.agentd.daemon.http.server.HttpPortUnavailableException;
import io.agentd.daemon.rpc.DaemonAlreadyRunningException;
import io.agentd.daemon.rpc.SocketPathRefusedException;
import io.agentd.store.DatabaseRefusedException;
import io.agentd.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import sun.misc.Signal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code bin/agentd}: parses the command line, configures logging, starts the daemon in the
 * foreground and shuts it down cleanly on SIGTERM or SIGINT (exit 0).
 *
 * <p>Stdout carries nothing but, with {@code --http-port 0}, the {@code HTTP_PORT=<n>} line.
 *
 * <p>Exit codes: 0 clean shutdown, 1 cannot start (daemon already running, HTTP port taken, socket or store error),
 * 2 bad command line, or a database file or socket path agentd refuses to use.
 */
public final class AgentdMain {
    private AgentdMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), Path.of(System.getProperty("user.home"))));
    }

    static int run(String[] args, Map<String, String> env, Path home) {
        if (args.length == 1 && args[0].equals(AotTraining.FLAG)) {
            return AotTraining.run(env, home);
        }
        AgentdCommand command = new AgentdCommand();
        CommandLine cli = new CommandLine(command);
        DaemonConfig config;
        Level level;
        try {
            cli.parseArgs(args);
            if (cli.isUsageHelpRequested()) {
                cli.usage(System.out);
                return 0;
            }
            if (cli.isVersionHelpRequested()) {
                cli.printVersionHelp(System.out);
                return 0;
            }
            config = command.resolve(env, home);
            level = Logging.parseLevel(config.logLevel());
        } catch (CommandLine.ParameterException | IllegalArgumentException e) {
            System.err.println("agentd: " + e.getMessage());
            System.err.println("Try 'bin/agentd --help'.");
            return 2;
        }
        try {
            Files.createDirectories(config.logDir(), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            System.err.println("agentd: cannot create log folder " + config.logDir() + ": " + e.getMessage());
            return 1;
        }
        Logging.configure(level, config.logDir());
        Logger log = LoggerFactory.getLogger(AgentdMain.class);

        CountDownLatch stop = new CountDownLatch(1);
        // Handling the signals ourselves (instead of shutdown hooks) lets a requested stop exit with 0.
        Signal.handle(new Signal("TERM"), s -> stop.countDown());
        Signal.handle(new Signal("INT"), s -> stop.countDown());

        Daemon daemon;
        try {
            daemon = Daemon.start(config, env, home);
        } catch (DaemonAlreadyRunningException | HttpPortUnavailableException e) {
            System.err.println("agentd: " + e.getMessage());
            return 1;
        } catch (DatabaseRefusedException | SocketPathRefusedException e) {
            System.err.println("agentd: " + e.getMessage());
            return 2;
        } catch (StoreException | IOException e) {
            System.err.println("agentd: cannot start: " + e.getMessage());
            log.error("cannot start", e);
            return 1;
        }
        if (config.http().port() == 0 && daemon.httpPort().isPresent()) {
            // The desktop app starts the daemon with port 0 and reads this, the first line on stdout.
            System.out.println("HTTP_PORT=" + daemon.httpPort().getAsInt());
            System.out.flush();
        }
        log.info("agentd {} ready on {} (database {}) {} ms after JVM start", config.version(), daemon.socketPath(),
                config.databasePath(), ManagementFactory.getRuntimeMXBean().getUptime());
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        daemon.close();
        return 0;
    }
}
