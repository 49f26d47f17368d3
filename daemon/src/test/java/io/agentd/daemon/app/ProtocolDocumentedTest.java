package io.agentd.daemon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentd.daemon.bus.BusEventType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Keeps {@code docs/protocol.md} and the daemon in step: every method the real daemon registers (wired by
 * {@link Daemon#start}, not by a hand-made list) has a {@code ### name} section under "## Methods", every
 * such section names a registered method, and likewise every event type has a {@code ### type} section
 * under "## Events".
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProtocolDocumentedTest {
    /** Event types that are not bus events but appear on a subscription stream. */
    private static final Set<String> STREAM_ONLY_EVENTS = Set.of("resync_required");

    private static Path dir;
    private static Daemon daemon;
    private static String document;

    @BeforeAll
    static void startDaemon() throws IOException {
        document = Files.readString(protocolDocument());
        // Socket paths must stay short, so not under the build directory.
        dir = Files.createTempDirectory(Path.of("/tmp"), "agentd-doc");
        DaemonConfig config = DaemonConfig.builder().socketPath(dir.resolve("d.sock")).databasePath(dir.resolve("agentd.db"))
                .logLevel("warn").logDir(dir.resolve("logs")).claudePath(dir.resolve("no-claude").toString())
                .approvalsCommand(List.of()).maxSessions(1).shutdownTimeout(Duration.ofSeconds(1))
                .spoolDir(dir.resolve("spool")).spoolRetention(Duration.ofHours(1)).eventRetention(Duration.ofDays(1))
                .heartbeat(Duration.ofSeconds(30)).bypassCheckInterval(Duration.ofSeconds(30))
                .sessionIdleTimeout(Duration.ZERO).version("0.0.0-test").build();
        daemon = Daemon.start(config, Map.of(), dir.resolve("home"));
    }

    @AfterAll
    static void stopDaemon() throws IOException {
        if (daemon != null) {
            daemon.close();
        }
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void everyRegisteredMethodIsDocumentedAndEveryDocumentedMethodIsRegistered() {
        Set<String> registered = daemon.methods();
        Set<String> documented = headings(section("Methods"));

        assertThat(registered).as("the daemon registers methods").isNotEmpty();
        assertThat(missing(registered, documented)).as("registered methods without a '### name' section in "
                + "docs/protocol.md under '## Methods'").isEmpty();
        assertThat(missing(documented, registered)).as("'### name' sections under '## Methods' in docs/protocol.md "
                + "that the daemon does not register").isEmpty();
    }

    @Test
    void everyEventTypeIsDocumentedAndEveryDocumentedEventTypeExists() {
        Set<String> types = new TreeSet<>(Arrays.stream(BusEventType.values()).map(BusEventType::wireName).toList());
        types.addAll(STREAM_ONLY_EVENTS);
        Set<String> documented = headings(section("Events"));

        assertThat(missing(types, documented)).as("event types without a '### type' section in docs/protocol.md "
                + "under '## Events'").isEmpty();
        assertThat(missing(documented, types)).as("'### type' sections under '## Events' in docs/protocol.md "
                + "that are no event type").isEmpty();
    }

    /** The lines of the level-2 section with this title, up to the next level-2 heading. */
    private static List<String> section(String title) {
        List<String> lines = document.lines().toList();
        int start = lines.indexOf("## " + title);
        assertThat(start).as("docs/protocol.md has a '## " + title + "' section").isNotNegative();
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("## ")) {
            end++;
        }
        return lines.subList(start + 1, end);
    }

    /** The first word of every {@code ### } heading, without backticks. */
    private static Set<String> headings(List<String> lines) {
        return lines.stream()
                .filter(l -> l.startsWith("### "))
                .map(l -> l.substring(4).strip().split("\\s+")[0].replace("`", ""))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Set<String> missing(Set<String> expected, Set<String> actual) {
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        return missing;
    }

    /** {@code docs/protocol.md} of the project: under {@code agentd.root}, else above the working directory. */
    private static Path protocolDocument() {
        Path relative = Path.of("docs", "protocol.md");
        String root = System.getProperty("agentd.root");
        if (root != null && !root.isBlank() && Files.isRegularFile(Path.of(root).resolve(relative))) {
            return Path.of(root).resolve(relative);
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve(relative))) {
                return d.resolve(relative);
            }
        }
        throw new AssertionError("docs/protocol.md not found above " + Path.of("").toAbsolutePath());
    }
}
