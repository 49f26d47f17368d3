package io.agentd.daemon.bus;

import io.agentd.daemon.json.JsonMappers;
import tools.jackson.databind.json.JsonMapper;

import java.time.format.DateTimeFormatter;

/** The event object both transports carry: {@code {"type":..,"timestamp":..,"seq":..,"data":{..}}}. */
final class EventJson {
    private static final JsonMapper MAPPER = JsonMappers.daemon();

    private EventJson() {
    }

    /** hld's field order (type, timestamp, data) with agentd's seq before the data; the data as stored. */
    static String object(PublishedEvent e) {
        return "{\"type\":" + MAPPER.writeValueAsString(e.type())
                + ",\"timestamp\":\"" + DateTimeFormatter.ISO_INSTANT.format(e.timestamp()) + "\",\"seq\":" + e.seq()
                + ",\"data\":" + e.dataJson() + "}";
    }
}
