package io.agentd.testkit.fakeapi;

import static java.util.Objects.requireNonNull;

import tools.jackson.databind.node.ObjectNode;

/**
 * One server-sent event of a Messages API stream.
 *
 * @param delta whether this is a {@code content_block_delta}, the events a slow reply paces
 */
record SseEvent(String name, ObjectNode data, boolean delta) {
    public SseEvent {
        requireNonNull(name, "name is null");
        requireNonNull(data, "data is null");
    }

    /** The event as written on the wire: {@code event:} line, {@code data:} line, blank line. */
    String wireFormat() {
        return "event: " + name + "\ndata: " + Json.write(data) + "\n\n";
    }
}
