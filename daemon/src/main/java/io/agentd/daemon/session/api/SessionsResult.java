package io.agentd.daemon.session.api;

import static java.util.Objects.requireNonNull;

import io.agentd.daemon.rpc.StreamedResult;
import io.agentd.protocol.session.SessionInfo;
import io.agentd.store.session.SessionRow;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/**
 * Result of {@code listSessions} and {@code getSessionLeaves}: {@code {"sessions":[...]}} of
 * {@link SessionInfo}, {@code []} when there are none. Written while the store still reads the rows.
 */
public final class SessionsResult implements StreamedResult {
    private final RowStream<SessionRow> rows;

    /** Writes the sessions of {@code rows} as they arrive. */
    public SessionsResult(RowStream<SessionRow> rows) {
        this.rows = requireNonNull(rows, "rows is null");
    }

    @Override
    public void writeTo(JsonGenerator generator) {
        generator.writeStartObject();
        generator.writeName("sessions");
        generator.writeStartArray();
        for (List<SessionRow> chunk = rows.next(); !chunk.isEmpty(); chunk = rows.next()) {
            for (SessionRow row : chunk) {
                generator.writePOJO(SessionWire.info(row));
            }
        }
        generator.writeEndArray();
        generator.writeEndObject();
    }
}
