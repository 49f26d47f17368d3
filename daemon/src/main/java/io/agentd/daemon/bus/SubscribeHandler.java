package io.agentd.daemon.bus;

import io.agentd.daemon.json.JsonMappers;
import io.agentd.daemon.rpc.MethodRegistry;
import io.agentd.daemon.rpc.RpcConnection;
import io.agentd.daemon.rpc.RpcEnvelopes;
import io.agentd.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * {@code Subscribe}: the connection becomes a stream of events, exactly in hld's shape (confirmation,
 * then {@code {"result":{"event":{...}},"id":null}} lines, a heartbeat after 30 s of silence), plus a
 * {@code seq} in every event. Nothing is lost: a subscriber that falls behind its buffer, or that
 * reconnects with {@code since_seq}, is served from the event log, with no gap and no duplicate.
 */
public final class SubscribeHandler {
    private static final Logger log = LoggerFactory.getLogger(SubscribeHandler.class);
    private static final JsonMapper MAPPER = JsonMappers.daemon();
    private static final int PAGE = 500;
    private static final Duration POLL = Duration.ofMillis(200);

    private final EventLog events;
    private final Clock clock;
    private final Duration heartbeat;

    public SubscribeHandler(EventLog events, Clock clock, Duration heartbeat) {
        this.events = requireNonNull(events, "events is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.heartbeat = requireNonNull(heartbeat, "heartbeat is null");
    }

    public void register(MethodRegistry registry) {
        registry.registerStreaming("Subscribe", SubscribeParams.class, this::stream);
    }

    private void stream(SubscribeParams params, RpcConnection connection) throws InterruptedException {
        SubscriptionFilter filter = new SubscriptionFilter(
                params.eventTypes() == null ? null : new HashSet<>(params.eventTypes()), params.sessionId(), params.runId());
        // Register first, then read the position: an event committed after the read is dispatched after the
        // registration, so it reaches the buffer; one committed before it is skipped there by its seq.
        // (Reading first would lose an event committed and dispatched between the read and the registration.)
        Subscriber subscriber = events.bus().subscribe(filter);
        long position = params.sinceSeq() != null ? Math.max(0, params.sinceSeq()) : events.lastSeq();
        try {
            ObjectNode confirmation = MAPPER.createObjectNode();
            confirmation.put("subscription_id", subscriber.id());
            confirmation.put("message", "Subscription established. Waiting for events...");
            confirmation.put("last_seq", position);
            connection.send(RpcEnvelopes.result(confirmation));
            log.debug("subscription {} from {} ({})", subscriber.id(), connection.context().connectionId(), filter);
            long last = position;
            if (params.sinceSeq() != null) {
                last = replay(connection, filter, last, true);
            }
            Instant lastSent = clock.instant();
            while (connection.isOpen()) {
                if (subscriber.takeBehind()) {
                    log.info("subscription {} fell behind; catching up from the event log at seq {}", subscriber.id(), last);
                    last = replay(connection, filter, last, false);
                    lastSent = clock.instant();
                    continue;
                }
                BusEvent event = subscriber.poll(POLL);
                if (event == null) {
                    if (Duration.between(lastSent, clock.instant()).compareTo(heartbeat) >= 0) {
                        ObjectNode beat = MAPPER.createObjectNode();
                        beat.put("type", "heartbeat");
                        beat.put("message", "Connection alive");
                        connection.send(RpcEnvelopes.result(beat));
                        lastSent = clock.instant();
                    }
                    continue;
                }
                if (event.seq() <= last) {
                    continue; // already delivered by a replay
                }
                send(connection, event);
                last = event.seq();
                lastSent = clock.instant();
            }
        } catch (StoreException e) {
            // Daemon shutdown closes the connection and interrupts this thread, which may be reading the log.
            if (connection.isOpen()) {
                throw e;
            }
            log.debug("subscription {} ended during a log read: {}", subscriber.id(), e.getMessage());
        } finally {
            events.bus().unsubscribe(subscriber);
            log.debug("subscription {} ended", subscriber.id());
        }
    }

    /** Sends every stored event after {@code after} that matches; returns the last seq read. */
    private long replay(RpcConnection connection, SubscriptionFilter filter, long after, boolean reportGap) {
        long last = after;
        if (reportGap) {
            long first = events.firstSeq();
            if (first > after + 1) {
                ObjectNode gap = MAPPER.createObjectNode();
                gap.put("requested_since_seq", after);
                gap.put("first_retained_seq", first);
                gap.put("message", "events before seq " + first + " are no longer retained; resync your state");
                send(connection, new BusEvent(first - 1, "resync_required", clock.instant(), null, null, gap));
            }
        }
        while (connection.isOpen()) {
            List<BusEvent> page = events.after(last, PAGE);
            if (page.isEmpty()) {
                return last;
            }
            for (BusEvent e : page) {
                if (filter.matches(e)) {
                    send(connection, e);
                }
                last = e.seq();
            }
        }
        return last;
    }

    private static void send(RpcConnection connection, BusEvent e) {
        connection.sendRaw(e.wire());
    }
}
