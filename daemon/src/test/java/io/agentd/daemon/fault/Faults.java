package io.agentd.daemon.fault;

import io.agentd.testkit.daemon.LineClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** Shared checks of the fault tests: the daemon's memory, the database file's health, a recording subscriber. */
final class Faults {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Faults() {
    }

    /** The resident set size of a process in KiB, from {@code /proc/<pid>/status}. */
    static long rssKib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }

    /** {@code PRAGMA integrity_check} on the database file, through a connection of its own. */
    static String integrityCheck(Path database) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            StringBuilder out = new StringBuilder();
            while (rs.next()) {
                out.append(out.isEmpty() ? "" : "\n").append(rs.getString(1));
            }
            return out.toString();
        }
    }

    /**
     * A {@code Subscribe} connection with {@code since_seq 0}, read on a thread of its own until the daemon
     * hangs up; it keeps each event's type by seq.
     */
    static final class RecordingSubscriber implements AutoCloseable {
        final Map<Long, String> events = new ConcurrentSkipListMap<>();
        private final LineClient client;
        private final Thread reader;

        RecordingSubscriber(LineClient client) throws IOException {
            this.client = client;
            client.send("{\"jsonrpc\":\"2.0\",\"method\":\"Subscribe\",\"params\":{\"since_seq\":0},\"id\":1}");
            JsonNode confirmation = JSON.readTree(client.readLine());
            if (!confirmation.path("result").has("subscription_id")) {
                throw new IllegalStateException("no subscription: " + confirmation);
            }
            reader = Thread.ofPlatform().daemon().name("recording-subscriber").start(this::read);
        }

        private void read() {
            try {
                while (true) {
                    JsonNode event = JSON.readTree(client.readLine()).path("result").path("event");
                    if (event.has("seq")) {
                        events.put(event.path("seq").asLong(), event.path("type").asString());
                    }
                }
            } catch (IOException | RuntimeException e) {
                // The daemon hung up (or was killed).
            }
        }

        /** Waits until the daemon's side is gone and no more events can arrive. */
        void awaitHangUp(long millis) throws InterruptedException {
            reader.join(millis);
        }

        @Override
        public void close() throws IOException {
            client.close();
        }
    }
}
