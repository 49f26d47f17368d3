package io.agentd.daemon.app;

import io.agentd.daemon.approval.ApprovalEvents;
import io.agentd.daemon.approval.ApprovalExpiry;
import io.agentd.daemon.approval.ApprovalService;
import io.agentd.daemon.approval.rules.RuleService;
import io.agentd.daemon.approval.BypassExpiry;
import io.agentd.daemon.approval.BypassExpiryMonitor;
import io.agentd.daemon.approval.PermissionPolicy;
import io.agentd.daemon.bus.ApprovalEventPublisher;
import io.agentd.daemon.bus.EventBus;
import io.agentd.daemon.bus.EventLog;
import io.agentd.daemon.bus.RuleEventPublisher;
import io.agentd.daemon.bus.EventPruner;
import io.agentd.daemon.bus.SessionEventPublisher;
import io.agentd.daemon.bus.SubscribeHandler;
import io.agentd.daemon.bus.Subscriptions;
import io.agentd.daemon.claude.ClaudeLocator;
import io.agentd.daemon.health.HealthService;
import io.agentd.daemon.rpc.MethodRegistry;
import io.agentd.daemon.rpc.RpcServer;
import io.agentd.daemon.rpc.RpcServerOptions;
import io.agentd.daemon.rpc.methods.ApprovalRpcBindings;
import io.agentd.daemon.rpc.methods.RuleRpcBindings;
import io.agentd.daemon.rpc.methods.HealthRpcBindings;
import io.agentd.daemon.rpc.methods.SessionRpcBindings;
import io.agentd.daemon.session.McpInjection;
import io.agentd.daemon.session.SessionContinuation;
import io.agentd.daemon.session.SessionEvents;
import io.agentd.daemon.session.SessionSupervisor;
import io.agentd.daemon.session.SessionTransitions;
import io.agentd.daemon.session.SupervisorConfig;
import io.agentd.daemon.session.api.SessionQueryService;
import io.agentd.daemon.session.api.SessionRunner;
import io.agentd.daemon.session.api.SessionService;
import io.agentd.daemon.session.follow.SpoolWatcher;
import io.agentd.daemon.session.ingest.IngestContext;
import io.agentd.daemon.session.process.ProcessLauncher;
import io.agentd.daemon.session.process.SpoolJanitor;
import io.agentd.daemon.session.stream.StreamJsonParser;
import io.agentd.store.Database;
import io.agentd.store.DatabaseOptions;
import io.agentd.store.approval.ApprovalRepository;
import io.agentd.store.conversation.ConversationRepository;
import io.agentd.store.process.ProcessRepository;
import io.agentd.store.rawevent.RawEventRepository;
import io.agentd.store.session.SessionRepository;
import io.agentd.store.snapshot.SnapshotRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Wires the daemon's parts together and owns their lifecycle: store first, then sessions (re-attached
 * before anything is served), the socket last; shutdown in reverse.
 */
public final class Daemon implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Daemon.class);
    private static final int MAX_STDOUT_LINE_BYTES = 256 * 1024 * 1024;
    /** How long an interrupted Claude gets after SIGINT before SIGTERM, and after SIGTERM before SIGKILL. */
    private static final Duration INTERRUPT_GRACE = Duration.ofSeconds(5);
    /** How long continuing a running session waits for it to stop after interrupting it. */
    private static final Duration CONTINUE_WAIT = Duration.ofSeconds(30);
    /** Events buffered per subscriber before it is served from the event log instead. */
    private static final int SUBSCRIBER_BUFFER = 1024;

    private final DaemonConfig config;
    private final Database database;
    private final SessionSupervisor supervisor;
    private final SpoolJanitor janitor;
    private final EventPruner pruner;
    private final BypassExpiryMonitor monitor;
    private final MethodRegistry registry;
    private final RpcServer server;

    private Daemon(DaemonConfig config, Database database, SessionSupervisor supervisor, SpoolJanitor janitor,
                   EventPruner pruner, BypassExpiryMonitor monitor, MethodRegistry registry, RpcServer server) {
        this.config = config;
        this.database = database;
        this.supervisor = supervisor;
        this.janitor = janitor;
        this.pruner = pruner;
        this.monitor = monitor;
        this.registry = registry;
        this.server = server;
    }

    /**
     * Opens the store, re-attaches sessions and starts serving.
     *
     * @throws io.agentd.store.DatabaseRefusedException when the database file is not agentd's
     * @throws io.agentd.daemon.rpc.DaemonAlreadyRunningException when a daemon answers on the socket
     */
    public static Daemon start(DaemonConfig config, Map<String, String> env, Path home) throws IOException {
        Clock clock = Clock.systemUTC();
        Instant startedAt = clock.instant();
        RpcServer.refuseIfRunning(config.socketPath());
        DatabaseOptions options = DatabaseOptions.defaults(config.databasePath());
        Database database = Database.open(config.storeFaultFile() == null ? options : options.withFaultFile(config.storeFaultFile()));
        SessionSupervisor supervisor = null;
        SpoolJanitor janitor = null;
        EventPruner pruner = null;
        BypassExpiryMonitor monitor = null;
        try {
            ClaudeLocator claude = new ClaudeLocator(config.claudePath(), env, home);
            // `claude --version` can take a while; health reports "still looking" until it is done.
            Thread.ofVirtual().name("claude-lookup").start(claude::refresh);
            EventLog eventLog = new EventLog(database, new EventBus(clock, SUBSCRIBER_BUFFER), clock);
            SessionEvents events = new SessionEventPublisher(eventLog);
            ApprovalEvents approvalEvents = new ApprovalEventPublisher(eventLog);
            IngestContext ingest = new IngestContext(database, new SessionRepository(), new ConversationRepository(),
                    new RawEventRepository(), new SnapshotRepository(), new ProcessRepository(), new ApprovalRepository(),
                    new StreamJsonParser(), events, clock);
            SessionTransitions transitions = new SessionTransitions(ingest.sessions(), events, clock,
                    new ApprovalExpiry(approvalEvents, clock));
            if (config.approvalsWarning() != null) {
                log.warn(config.approvalsWarning());
            } else if (config.approvalsCommand().isEmpty()) {
                log.info("no approvals server is injected into sessions (--approvals-command is empty)");
            } else {
                log.info("approvals server injected into sessions: {}", String.join(" ", config.approvalsCommand()));
            }
            SupervisorConfig sessionConfig = new SupervisorConfig(config.spoolDir(), config.maxSessions(), INTERRUPT_GRACE,
                    CONTINUE_WAIT, MAX_STDOUT_LINE_BYTES, config.sessionIdleTimeout());
            supervisor = new SessionSupervisor(ingest, transitions, claude, ProcessLauncher.create(), new SpoolWatcher(),
                    new McpInjection(config.approvalsCommand(), config.socketPath()), sessionConfig);
            supervisor.recover();
            supervisor.watchIdleSessions();
            PermissionPolicy policy = new PermissionPolicy(clock);
            BypassExpiry bypass = new BypassExpiry(ingest.sessions(), events, policy);
            monitor = BypassExpiryMonitor.start(database, bypass, config.bypassCheckInterval());
            RuleService rules = new RuleService(database, new RuleEventPublisher(eventLog), clock, home);
            ApprovalService approvals = new ApprovalService(database, transitions, bypass, approvalEvents, clock, rules);
            janitor = new SpoolJanitor(database, config.spoolRetention(), clock);
            pruner = new EventPruner(eventLog, config.eventRetention());

            SessionRunner runner = SessionRunner.of(supervisor,
                    new SessionContinuation(database, supervisor, sessionConfig.continueWait(), policy));
            SessionService sessions = new SessionService(runner, database, events, policy, approvals, home,
                    Path.of("").toAbsolutePath());

            MethodRegistry registry = new MethodRegistry();
            new HealthRpcBindings(new HealthService(config.version(), startedAt, clock, claude, supervisor::activeCount,
                    database::health)).register(registry);
            new SessionRpcBindings(sessions, new SessionQueryService(database)).register(registry);
            new ApprovalRpcBindings(approvals).register(registry);
            new RuleRpcBindings(rules).register(registry);
            new SubscribeHandler(new Subscriptions(eventLog, clock, config.heartbeat())).register(registry);
            RpcServer server = RpcServer.start(config.socketPath(), registry, RpcServerOptions.defaults());
            return new Daemon(config, database, supervisor, janitor, pruner, monitor, registry, server);
        } catch (IOException | RuntimeException e) {
            if (monitor != null) {
                monitor.close();
            }
            if (pruner != null) {
                pruner.close();
            }
            if (janitor != null) {
                janitor.close();
            }
            if (supervisor != null) {
                supervisor.shutdown(true, Duration.ZERO);
                supervisor.close();
            }
            database.close();
            throw e;
        }
    }

    public Path socketPath() {
        return server.socketPath();
    }

    /** The names of the methods this daemon answers (docs/protocol.md documents each of them). */
    public Set<String> methods() {
        return registry.methods();
    }

    /**
     * Stops accepting and finishes in-flight requests, ends (or, with {@code --detach-sessions}, leaves
     * running) every session, closes the store and removes the socket.
     */
    @Override
    public void close() {
        log.info("shutting down");
        server.close();
        janitor.close();
        pruner.close();
        monitor.close();
        supervisor.shutdown(config.detachSessions(), config.shutdownTimeout());
        supervisor.close();
        database.close();
        log.info("stopped");
    }
}
