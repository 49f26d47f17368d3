package io.agentd.daemon.session.api;

import io.agentd.daemon.rpc.MethodRegistry;
import io.agentd.store.Database;

/**
 * Registers every session method that needs only the store: {@link SessionQueries},
 * {@link ConversationQueries} and {@link SessionUpdates}. Methods that drive a Claude process
 * (launch, continue, interrupt, settings) live with the session supervisor.
 */
public final class SessionApi {
    private SessionApi() {
    }

    /**
     * Registers the store-only session methods.
     *
     * @param listener told about committed title and archive changes; {@link SessionChangeListener#NONE}
     *     when nothing publishes them
     */
    public static void register(MethodRegistry registry, Database database, SessionChangeListener listener) {
        new SessionQueries(database).register(registry);
        new ConversationQueries(database).register(registry);
        new SessionUpdates(database, listener).register(registry);
    }
}
