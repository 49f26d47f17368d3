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
import io.agentd.daemon.health.DebugInfoService;
import io.agentd.daemon.health.HealthService;
import io.agentd.daemon.http.route.RouteTable;
import io.agentd.daemon.http.routes.ApiRoutes;
import io.agentd.daemon.http.routes.SettingsRoutes;
import io.agentd.daemon.http.routes.SystemRoutes;
import io.agentd.daemon.http.security.PeerUids;
import io.agentd.daemon.http.server.HttpServer;
import io.agentd.daemon.json.JsonMappers;
import io.agentd.daemon.rpc.MethodRegistry;
import io.agentd.daemon.rpc.RpcServer;
import io.agentd.daemon.rpc.RpcServerOptions;
import io.agentd.daemon.rpc.methods.ApprovalRpcBindings;
import io.agentd.daemon.rpc.methods.RuleRpcBindings;
import io.agentd.daemon.rpc.methods.HealthRpcBindings;
import io.agentd.daemon.rpc.methods.SessionRpcBindings;
import io.agentd.daemon.session.ApprovalsServerCheck;
import io.agentd.daemon.search.SearchMethods;
import io.agentd.daemon.workspace.WorkspaceConfig;
import io.agentd.daemon.workspace.WorkspaceService;
import io.agentd.daemon.workspace.WorkspaceTracking;
import io.agentd.daemon.workspace.api.WorkspaceMethods;
import io.agentd.daemon.workspace.git.Git;
import io.agentd.daemon.search.SessionSearch;
import io.agentd.daemon.session.McpInjection;
import io.agentd.daemon.session.SessionContinuation;
import io.agentd.daemon.session.SessionEvents;
import io.agentd.daemon.session.SessionSupervisor;
import io.agentd.daemon.session.SessionTransitions;
import io.agentd.daemon.session.SupervisorConfig;
import io.agentd.daemon.session.api.SessionQueryService;
import io.agentd.daemon.session.api.SessionRunner;
import io.agentd.daemon.session.api.SessionService;
import io.agentd.daemon.settings.ConfigService;
import io.agentd.daemon.settings.UserSettingsService;
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
import io.agentd.store.settings.SettingsRepository;
import io.agentd.store.stats.DatabaseStatsRepository;
import io.agentd.store.snapshot.SnapshotRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Wires the daemon's parts together and owns their lifecycle: store first, then sessions (re-attached
 * before anything is served), the socket, then HTTP last; shutdown in reverse (HTTP first, the store last).
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
    /** Null with {@code --no-http}. */
    private final HttpServer http;

    private Daemon(DaemonConfig config, Database database, SessionSupervisor supervisor, SpoolJanitor janitor,
                   EventPruner pruner, BypassExpiryMonitor monitor, MethodRegistry registry, RpcServer server,
                   HttpServer http) {
        this.config = config;
        this.database = database;
        this.supervisor = supervisor;
        this.janitor = janitor;
        this.pruner = pruner;
        this.monitor = monitor;
        this.registry = registry;
        this.server = server;
        this.http = http;
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
        RpcServer server = null;
        try {
            SettingsRepository settings = new SettingsRepository();
            // A path saved over HTTP (PATCH /config) is the user's latest choice: it wins over flag and env.
            ClaudeLocator claude = new ClaudeLocator(ConfigService.savedClaudePath(database, settings)
                    .orElse(config.claudePath()), env, home);
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
            McpInjection injection = new McpInjection(config.approvalsCommand(), config.socketPath(),
                    new ApprovalsServerCheck(config.approvalsCommand(), env, Path.of("").toAbsolutePath()));
            logApprovalsServer(injection.approvalsServer());
            SupervisorConfig sessionConfig = new SupervisorConfig(config.spoolDir(), config.maxSessions(), INTERRUPT_GRACE,
                    CONTINUE_WAIT, MAX_STDOUT_LINE_BYTES, config.sessionIdleTimeout());
            WorkspaceService workspace = new WorkspaceService(Git.onPath(),
                    WorkspaceConfig.of(config.spoolDir().resolveSibling("agentd-workspaces"),
                            config.spoolDir().resolveSibling("agentd-worktrees")), clock);
            supervisor = new SessionSupervisor(ingest, transitions, claude, ProcessLauncher.create(), new SpoolWatcher(),
                    injection, sessionConfig, new WorkspaceTracking(workspace, database, clock));
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
            HealthService health = new HealthService(config.version(), startedAt, clock, claude, supervisor::activeCount,
                    database::health, injection::approvalsServer);
            new HealthRpcBindings(health).register(registry);
            new SessionRpcBindings(sessions, new SessionQueryService(database)).register(registry);
            new ApprovalRpcBindings(approvals).register(registry);
            new RuleRpcBindings(rules).register(registry);
            new SearchMethods(new SessionSearch(database)).register(registry);
            new WorkspaceMethods(workspace, database).register(registry);
            new SubscribeHandler(new Subscriptions(eventLog, clock, config.heartbeat())).register(registry);
            server = RpcServer.start(config.socketPath(), registry, RpcServerOptions.defaults()
                    .withConnectionLimits(config.maxConnections(), config.connectionIdleTimeout()));
            // HTTP last, once the socket serves: the socket's start-up time does not move.
            HttpServer http = null;
            if (config.http().enabled()) {
                RouteTable routes = ApiRoutes.table(config.http().maxBodyBytes(), List.of(
                        new SystemRoutes(health, new DebugInfoService(database, new DatabaseStatsRepository(),
                                config.approvalsCommand())),
                        new SettingsRoutes(new ConfigService(database, settings, claude, config.claudePath(), env, clock),
                                new UserSettingsService(database, settings, clock))));
                http = HttpServer.start(config.http(), routes, PeerUids.system(), JsonMappers.daemon());
            }
            return new Daemon(config, database, supervisor, janitor, pruner, monitor, registry, server, http);
        } catch (IOException | RuntimeException e) {
            if (server != null) {
                server.close();
            }
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

    private static void logApprovalsServer(ApprovalsServerCheck.Status approvals) {
        if (!approvals.injected()) {
            log.info("no approvals server is injected into sessions (--approvals-command is empty)");
        } else if (approvals.usable()) {
            log.info("approvals server injected into sessions: {}", approvals.command());
        } else {
            log.error("the approvals server cannot run: {}; sessions will be refused until it can (command: {})",
                    approvals.error(), approvals.command());
        }
    }

    public Path socketPath() {
        return server.socketPath();
    }

    /** The HTTP API's bound port; empty with {@code --no-http}. */
    public OptionalInt httpPort() {
        return http == null ? OptionalInt.empty() : OptionalInt.of(http.port());
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
        if (http != null) {
            http.close();
        }
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
