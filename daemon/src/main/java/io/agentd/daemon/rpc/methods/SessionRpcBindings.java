package io.agentd.daemon.rpc.methods;

import static java.util.Objects.requireNonNull;

import io.agentd.daemon.rpc.MethodRegistry;
import io.agentd.daemon.rpc.NoParams;
import io.agentd.daemon.session.api.ContinueSessionParams;
import io.agentd.daemon.session.api.ConversationQueries;
import io.agentd.daemon.session.api.LaunchSessionParams;
import io.agentd.daemon.session.api.SessionCommands;
import io.agentd.daemon.session.api.SessionIdParams;
import io.agentd.daemon.session.api.SessionQueries;
import io.agentd.daemon.session.api.SessionQueryService;
import io.agentd.daemon.session.api.SessionService;
import io.agentd.daemon.session.api.SessionUpdates;
import io.agentd.daemon.session.api.UpdateSessionSettingsParams;

/**
 * The session methods of the socket: method name, params record, service call. The mapping between wire
 * records and service inputs and outputs is in the {@code session.api} adapters; the rules are in the
 * services.
 */
public final class SessionRpcBindings {
    private final SessionCommands commands;
    private final SessionUpdates updates;
    private final SessionQueries queries;
    private final ConversationQueries conversations;

    public SessionRpcBindings(SessionService sessions, SessionQueryService queries) {
        requireNonNull(sessions, "sessions is null");
        requireNonNull(queries, "queries is null");
        this.commands = new SessionCommands(sessions);
        this.updates = new SessionUpdates(sessions);
        this.queries = new SessionQueries(queries);
        this.conversations = new ConversationQueries(queries);
    }

    /** Registers every session method. */
    public void register(MethodRegistry registry) {
        registerStoreMethods(registry);
        registerProcessMethods(registry);
    }

    /** Registers the methods that need only the store: reads, titles, archiving. */
    public void registerStoreMethods(MethodRegistry registry) {
        registry.register("listSessions", NoParams.class, (p, ctx) -> queries.listSessions());
        registry.register("getSessionLeaves", SessionQueries.LeavesParams.class, (p, ctx) -> queries.sessionLeaves(p));
        registry.register("getSessionState", SessionIdParams.class, (p, ctx) -> queries.sessionState(p));
        registry.register("getRecentPaths", SessionQueries.RecentPathsParams.class, (p, ctx) -> queries.recentPaths(p));
        registry.register("getConversation", ConversationQueries.ConversationParams.class,
                (p, ctx) -> conversations.conversation(p));
        registry.register("getSessionSnapshots", SessionIdParams.class, (p, ctx) -> conversations.snapshots(p));
        registry.register("archiveSession", SessionUpdates.ArchiveParams.class, (p, ctx) -> updates.archive(p));
        registry.register("bulkArchiveSessions", SessionUpdates.BulkArchiveParams.class,
                (p, ctx) -> updates.bulkArchive(p));
        registry.register("updateSessionTitle", SessionUpdates.TitleParams.class, (p, ctx) -> updates.updateTitle(p));
    }

    /** Registers the methods that start, stop or reconfigure a Claude process. */
    public void registerProcessMethods(MethodRegistry registry) {
        registry.register("launchSession", LaunchSessionParams.class, (p, ctx) -> commands.launch(p));
        registry.register("continueSession", ContinueSessionParams.class, (p, ctx) -> commands.continueSession(p));
        registry.register("interruptSession", SessionIdParams.class, (p, ctx) -> commands.interrupt(p));
        registry.register("updateSessionSettings", UpdateSessionSettingsParams.class,
                (p, ctx) -> commands.updateSettings(p));
    }
}
