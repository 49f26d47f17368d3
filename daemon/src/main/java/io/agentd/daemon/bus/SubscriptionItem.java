package io.agentd.daemon.bus;

import io.agentd.daemon.json.JsonMappers;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/** What {@link Subscription#next} yields; a transport frames it with its {@link EventCodec}. */
public sealed interface SubscriptionItem {
    /** The singleton heartbeat. */
    Heartbeat HEARTBEAT = new Heartbeat();

    /** The next event that matches the filter, in seq order, each once. */
    record Event(PublishedEvent event) implements SubscriptionItem {
        public Event {
            requireNonNull(event, "event is null");
        }
    }

    /** Nothing was sent for the heartbeat interval: proof the stream is alive. */
    record Heartbeat() implements SubscriptionItem {
    }

    /**
     * Events after {@code requestedSinceSeq} were pruned before the subscriber could read them: it must
     * reload its state. Yielded first, then the retained events follow.
     */
    record ResyncRequired(long requestedSinceSeq, long firstRetainedSeq, Instant at) implements SubscriptionItem {
        public static final String TYPE = "resync_required";

        public ResyncRequired {
            requireNonNull(at, "at is null");
        }

        /**
         * The signal as an event, so transports frame it like one: numbered just before the first retained
         * event, so a client that resumes from it misses nothing retained.
         */
        public PublishedEvent asEvent() {
            ObjectNode data = JsonMappers.daemon().createObjectNode();
            data.put("requested_since_seq", requestedSinceSeq);
            data.put("first_retained_seq", firstRetainedSeq);
            data.put("message", "events before seq " + firstRetainedSeq + " are no longer retained; resync your state");
            return new PublishedEvent(firstRetainedSeq - 1, TYPE, at, null, null,
                    JsonMappers.daemon().writeValueAsString(data));
        }
    }
}
