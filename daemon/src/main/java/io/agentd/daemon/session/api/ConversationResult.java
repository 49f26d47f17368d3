package io.agentd.daemon.session.api;

import static java.util.Objects.requireNonNull;

import io.agentd.daemon.rpc.StreamedResult;
import io.agentd.store.conversation.ConversationEventRow;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/**
 * Result of {@code getConversation}: {@code {"events":[...]}}, {@code []} when there are none. Writes the
 * {@link ConversationPages} of the query page by page while the store reads the next ones.
 */
public final class ConversationResult implements StreamedResult {
    private ConversationPages pages;

    /** Writes {@code pages} once. */
    public ConversationResult(ConversationPages pages) {
        this.pages = requireNonNull(pages, "pages is null");
    }

    /**
     * How pages are sized and read. A page spans up to {@code maxEvents} events, fewer when the events seen
     * so far carry so much text that the page would exceed {@code pageChars}; {@code inFlight} pages are read
     * at once, on different readers, while the one before them is written.
     */
    record PageSizing(int firstEvents, int maxEvents, long pageChars, int inFlight) {
        static final PageSizing DEFAULT = new PageSizing(250, 1_000, 1 << 20, 2);

        PageSizing {
            if (firstEvents < 1 || maxEvents < 1 || pageChars < 1 || inFlight < 1) {
                throw new IllegalArgumentException("page sizing must be positive: " + firstEvents + ", " + maxEvents
                        + ", " + pageChars + ", " + inFlight);
            }
        }

        /** The size of the next pages, from the text per event of a page just read. */
        int eventsAfter(List<ConversationEventRow> page, int current) {
            if (page.isEmpty()) {
                return current;
            }
            long chars = 0;
            for (ConversationEventRow row : page) {
                chars += row.textLength();
            }
            long perEvent = Math.max(1, chars / page.size());
            return (int) Math.max(1, Math.min(maxEvents, pageChars / perEvent));
        }
    }

    @Override
    public void writeTo(JsonGenerator generator) {
        ConversationPages source = pages;
        if (source == null) {
            throw new IllegalStateException("a conversation result is written once");
        }
        pages = null;
        generator.writeStartObject();
        generator.writeName("events");
        generator.writeStartArray();
        for (List<ConversationEventRow> page = source.next(); !page.isEmpty(); page = source.next()) {
            for (ConversationEventRow row : page) {
                ConversationEventView.from(row).writeTo(generator);
            }
        }
        generator.writeEndArray();
        generator.writeEndObject();
    }
}
