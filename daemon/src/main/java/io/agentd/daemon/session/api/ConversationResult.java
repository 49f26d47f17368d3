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
                SessionWire.event(row).writeTo(generator);
            }
        }
        generator.writeEndArray();
        generator.writeEndObject();
    }
}
