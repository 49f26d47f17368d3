package io.agentd.daemon.bus;

import io.agentd.daemon.json.JsonMappers;
import io.agentd.daemon.rpc.MethodRegistry;
import io.agentd.daemon.rpc.RpcConnection;
import io.agentd.daemon.rpc.RpcEnvelopes;
import io.agentd.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * {@code Subscribe} over the socket: the connection becomes a stream, exactly in hld's shape (a
 * confirmation, then {@code {"result":{"event":{...}},"id":null}} lines and heartbeats), plus a {@code seq}
 * in every event. A thin adapter: the {@link Subscription} decides what comes next (replay, catch-up,
 * filter, heartbeat, resync); this writes it with {@link JsonRpcEventCodec}.
 */
public final class SubscribeHandler {
    private static final Logger log = LoggerFactory.getLogger(SubscribeHandler.class);
    /** How often the connection is checked for a hang-up while nothing arrives. */
    private static final Duration POLL = Duration.ofMillis(200);

    private final Subscriptions subscriptions;

    public SubscribeHandler(Subscriptions subscriptions) {
        this.subscriptions = requireNonNull(subscriptions, "subscriptions is null");
    }

    public void register(MethodRegistry registry) {
        registry.registerStreaming("Subscribe", SubscribeParams.class, this::stream);
    }

    private void stream(SubscribeParams params, RpcConnection connection) throws InterruptedException {
        SubscriptionFilter filter = new SubscriptionFilter(
                params.eventTypes() == null ? null : new HashSet<>(params.eventTypes()), params.sessionId(), params.runId());
        try (Subscription subscription = params.sinceSeq() == null
                ? subscriptions.live(filter) : subscriptions.since(filter, params.sinceSeq())) {
            connection.send(RpcEnvelopes.result(confirmation(subscription)));
            log.debug("subscription {} from {} ({})", subscription.id(), connection.context().connectionId(), filter);
            try {
                while (connection.isOpen()) {
                    Optional<SubscriptionItem> item = subscription.next(POLL);
                    if (item.isPresent()) {
                        connection.sendRaw(JsonRpcEventCodec.INSTANCE.frame(item.get()));
                    }
                }
            } catch (StoreException e) {
                // Daemon shutdown closes the connection and interrupts this thread, which may be reading the log.
                if (connection.isOpen()) {
                    throw e;
                }
                log.debug("subscription {} ended during a log read: {}", subscription.id(), e.getMessage());
            }
            log.debug("subscription {} ended", subscription.id());
        }
    }

    private static ObjectNode confirmation(Subscription subscription) {
        ObjectNode confirmation = JsonMappers.daemon().createObjectNode();
        confirmation.put("subscription_id", subscription.id());
        confirmation.put("message", "Subscription established. Waiting for events...");
        confirmation.put("last_seq", subscription.startSeq());
        return confirmation;
    }
}
