package io.agentd.daemon.session.api;

import io.agentd.daemon.rpc.MethodRegistry;
import io.agentd.daemon.session.SessionEvents;
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
     * @param events told about title and archive changes inside their transactions
     */
    public static void register(MethodRegistry registry, Database database, SessionEvents events) {
        new SessionQueries(database).register(registry);
        new ConversationQueries(database).register(registry);
        new SessionUpdates(database, events).register(registry);
    }
}
