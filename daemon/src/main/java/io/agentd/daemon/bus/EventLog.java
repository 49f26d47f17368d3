package io.agentd.daemon.bus;

import io.agentd.daemon.json.JsonMappers;
import io.agentd.store.Database;
import io.agentd.store.Tx;
import io.agentd.store.event.EventRepository;
import io.agentd.store.event.EventRow;
import io.agentd.store.event.NewEvent;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

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
    private static final JsonMapper MAPPER = JsonMappers.daemon();

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

    /** Records an event in {@code tx}; it reaches subscribers after the commit. */
    public BusEvent publish(Tx tx, BusEventType type, String sessionId, String runId, ObjectNode data) throws SQLException {
        Instant now = clock.instant();
        String json = MAPPER.writeValueAsString(data);
        EventRow row = events.append(tx.connection(), type.wireName(), sessionId, runId, now, json);
        BusEvent event = BusEvent.of(row.seq(), row.type(), now, sessionId, runId, data, json);
        tx.afterCommit(() -> bus.dispatch(event));
        return event;
    }

    /** An event to publish: what {@link #publish} takes, for {@link #publishAll}. */
    public record Draft(BusEventType type, String sessionId, String runId, ObjectNode data) {
        public Draft {
            requireNonNull(type, "type is null");
            requireNonNull(data, "data is null");
        }
    }

    /**
     * Records events in {@code tx} in list order, many per statement (the ingestor publishes one for every
     * conversation row it stores); they reach subscribers after the commit, in that order.
     */
    public List<BusEvent> publishAll(Tx tx, List<Draft> drafts) throws SQLException {
        if (drafts.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<NewEvent> rows = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            rows.add(new NewEvent(d.type().wireName(), d.sessionId(), d.runId(), now, MAPPER.writeValueAsString(d.data())));
        }
        List<EventRow> stored = events.appendAll(tx.connection(), rows);
        List<BusEvent> published = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            EventRow row = stored.get(i);
            Draft d = drafts.get(i);
            published.add(BusEvent.of(row.seq(), row.type(), now, d.sessionId(), d.runId(), d.data(), row.dataJson()));
        }
        tx.afterCommit(() -> published.forEach(bus::dispatch));
        return published;
    }

    /** Stored events after {@code seq}, oldest first. */
    public List<BusEvent> after(long seq, int limit) {
        return database.read(c -> events.after(c, seq, limit)).stream()
                .map(r -> BusEvent.of(r.seq(), r.type(), r.createdAt(), r.sessionId(), r.runId(),
                        MAPPER.readTree(r.dataJson()), r.dataJson()))
                .toList();
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

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }
}
