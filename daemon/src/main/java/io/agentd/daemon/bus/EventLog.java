package io.agentd.daemon.bus;

import io.agentd.store.Database;
import io.agentd.store.Tx;
import io.agentd.store.event.EventRepository;
import io.agentd.store.event.EventRow;
import io.agentd.store.event.NewEvent;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Publishes events: each is appended to the {@code events} table inside the transaction of the change it
 * describes (which gives it its {@code seq}) and handed to the bus once that transaction commits. A
 * rolled-back change therefore publishes nothing, and every published event can be replayed.
 */
public final class EventLog {
    private final Database database;
    private final EventRepository events = new EventRepository();
    private final EventBus bus;
    private final Clock clock;

    public EventLog(Database database, EventBus bus, Clock clock) {
        this.database = requireNonNull(database, "database is null");
        this.bus = requireNonNull(bus, "bus is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public EventBus bus() {
        return bus;
    }

    /**
     * Records {@code event} in {@code tx}, serializing its payload once; it reaches subscribers after the
     * commit.
     */
    public PublishedEvent publish(Tx tx, BusEvent event) throws SQLException {
        return append(tx, event.type(), event.sessionId(), event.runId(), EventPayloads.json(event));
    }

    /** Records a payload serialized already; what {@link #publish} does once the payload is built. */
    PublishedEvent append(Tx tx, BusEventType type, String sessionId, String runId, String dataJson) throws SQLException {
        EventRow row = events.append(tx.connection(), type.wireName(), sessionId, runId, clock.instant(), dataJson);
        PublishedEvent published = published(row);
        tx.afterCommit(() -> bus.dispatch(published));
        return published;
    }

    /**
     * Records events in {@code tx} in list order, many per statement (the ingestor publishes one for every
     * conversation row it stores); they reach subscribers after the commit, in that order.
     */
    public List<PublishedEvent> publishAll(Tx tx, List<? extends BusEvent> batch) throws SQLException {
        if (batch.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<NewEvent> rows = new ArrayList<>(batch.size());
        for (BusEvent e : batch) {
            rows.add(new NewEvent(e.type().wireName(), e.sessionId(), e.runId(), now, EventPayloads.json(e)));
        }
        List<EventRow> stored = events.appendAll(tx.connection(), rows);
        List<PublishedEvent> published = new ArrayList<>(stored.size());
        for (EventRow row : stored) {
            published.add(published(row));
        }
        tx.afterCommit(() -> published.forEach(bus::dispatch));
        return published;
    }

    /** Stored events after {@code seq}, oldest first, with their data as stored (not parsed). */
    public List<PublishedEvent> after(long seq, int limit) {
        return database.read(c -> events.after(c, seq, limit)).stream().map(EventLog::published).toList();
    }

    /** The newest seq ever committed (0 if none), even when retention has deleted it since. */
    public long lastSeq() {
        return database.read(events::lastSeq);
    }

    /** The oldest retained seq; when the log is empty, the seq the next event will get. */
    public long firstSeq() {
        return database.read(events::firstSeq);
    }

    /** Deletes events older than {@code retention}. */
    public int prune(Duration retention) {
        Instant before = clock.instant().minus(retention);
        return database.write(tx -> events.pruneBefore(tx.connection(), before));
    }

    private static PublishedEvent published(EventRow row) {
        return new PublishedEvent(row.seq(), row.type(), row.createdAt(), row.sessionId(), row.runId(), row.dataJson());
    }
}
