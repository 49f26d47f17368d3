package io.agentd.daemon.session.api;

import static java.util.Objects.requireNonNull;

import io.agentd.daemon.error.AgentdException;
import io.agentd.store.conversation.ConversationEventRow;
import java.util.List;

/**
 * Plans the pages of a conversation: the events of a chain of sessions, session after session, each
 * session's in sequence order, up to the last event each session had when the request arrived. A page is
 * a range of sequence numbers of one session, so the next page is known before the previous one has been
 * read, and pages can be read at the same time. Used by one thread at a time.
 */
final class ConversationCursor {
    private final List<Extent> extents;
    private int index;
    private long afterSequence;

    /** One session of the chain and its last sequence number when the request arrived. */
    record Extent(String sessionId, long lastSequence) {
        Extent {
            requireNonNull(sessionId, "sessionId is null");
        }
    }

    /** A page: the events of one session with a sequence in {@code (afterSequence, throughSequence]}. */
    record Range(String sessionId, long afterSequence, long throughSequence) {
        /** The most events the page can hold. */
        long span() {
            return throughSequence - afterSequence;
        }
    }

    private ConversationCursor(List<Extent> extents, int index, long afterSequence) {
        this.extents = List.copyOf(extents);
        this.index = index;
        this.afterSequence = afterSequence;
    }

    /** Before the first event of the chain. */
    static ConversationCursor start(List<Extent> extents) {
        return new ConversationCursor(extents, 0, 0);
    }

    /**
     * Just after {@code event}, which must belong to one of the chain's sessions.
     *
     * @param eventId the id the client named, for the error
     * @param event the stored event with that id, or null when there is none
     * @throws AgentdException invalid params when the event is not part of this conversation
     */
    static ConversationCursor after(List<Extent> extents, long eventId, ConversationEventRow event) {
        for (int i = 0; event != null && i < extents.size(); i++) {
            if (extents.get(i).sessionId().equals(event.sessionId())) {
                return new ConversationCursor(extents, i, event.sequence());
            }
        }
        throw AgentdException.invalidParams("after_id " + eventId + " is not an event of this conversation");
    }

    /**
     * The next page, spanning at most {@code maxEvents} sequence numbers, or null when the conversation has
     * been planned to its end.
     */
    Range next(long maxEvents) {
        if (maxEvents < 1) {
            throw new IllegalArgumentException("maxEvents must be positive: " + maxEvents);
        }
        while (index < extents.size() && afterSequence >= extents.get(index).lastSequence()) {
            index++;
            afterSequence = 0;
        }
        if (index == extents.size()) {
            return null;
        }
        Extent extent = extents.get(index);
        long left = extent.lastSequence() - afterSequence;
        Range range = new Range(extent.sessionId(), afterSequence, afterSequence + Math.min(left, maxEvents));
        afterSequence = range.throughSequence();
        return range;
    }
}
