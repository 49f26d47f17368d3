package io.agentd.daemon.session.api;

import static java.util.Objects.requireNonNull;

import io.agentd.store.Database;
import io.agentd.store.conversation.ConversationEventRow;
import io.agentd.store.conversation.ConversationRepository;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A conversation as a sequence of pages, for a transport to send one by one. Holds only the first page;
 * when a page is taken, the next ones are read on the store's readers while the caller sends it, so a
 * conversation of any length costs a few pages of memory, and reading and sending run at the same time.
 *
 * <p>Each page is its own read transaction. The pages hold the events each session had when the query
 * started; a tool call's completion and approval fields are as they were when its page was read.
 * Taken once, by one thread.
 */
public final class ConversationPages {
    private final Database database;
    private final ConversationRepository events;
    private final ConversationCursor cursor;
    private final PageSizing sizing;
    private final Deque<Pending> reading = new ArrayDeque<>();
    private List<ConversationEventRow> firstPage;
    private long remaining;
    private int pageEvents;

    /**
     * @param firstPage the events of the cursor's first range, read while the request's errors were checked
     * @param limit at most this many events in all, first page included
     */
    ConversationPages(Database database, ConversationRepository events, ConversationCursor cursor,
                      PageSizing sizing, List<ConversationEventRow> firstPage, long limit) {
        this.database = requireNonNull(database, "database is null");
        this.events = requireNonNull(events, "events is null");
        this.cursor = requireNonNull(cursor, "cursor is null");
        this.sizing = requireNonNull(sizing, "sizing is null");
        this.firstPage = List.copyOf(firstPage);
        this.remaining = limit;
        this.pageEvents = sizing.firstEvents();
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

    /** A page being read. */
    private record Pending(ConversationCursor.Range range, CompletableFuture<List<ConversationEventRow>> rows) {
    }

    /**
     * The next page, oldest events first, waiting for the store if it is still being read; empty once every
     * event was taken. Starts reading the pages after it.
     *
     * @throws RuntimeException what reading the page failed with, as {@link Database#read} throws it
     */
    public List<ConversationEventRow> next() {
        List<ConversationEventRow> page;
        if (firstPage != null) {
            page = firstPage;
            firstPage = null;
        } else if (reading.isEmpty()) {
            return List.of();
        } else {
            page = join(reading.poll().rows());
        }
        int take = (int) Math.min(page.size(), remaining);
        remaining -= take;
        pageEvents = sizing.eventsAfter(page, pageEvents);
        startReads();
        if (take == 0 && !reading.isEmpty()) {
            return next();
        }
        return take == page.size() ? page : page.subList(0, take);
    }

    /** Starts reading the next pages, up to {@code inFlight} at once and no further than the limit. */
    private void startReads() {
        long planned = reading.stream().mapToLong(p -> p.range().span()).sum();
        while (reading.size() < sizing.inFlight() && planned < remaining) {
            ConversationCursor.Range range = cursor.next(Math.min(pageEvents, remaining - planned));
            if (range == null) {
                return;
            }
            reading.add(new Pending(range, database.readAsync(
                    c -> events.range(c, range.sessionId(), range.afterSequence(), range.throughSequence()))));
            planned += range.span();
        }
    }

    private static List<ConversationEventRow> join(CompletableFuture<List<ConversationEventRow>> page) {
        try {
            return page.join();
        } catch (CompletionException e) {
            throw Database.unwrap(e);
        }
    }
}
