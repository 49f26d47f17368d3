package io.agentd.cli.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentd.cli.client.SocketPathResolver;
import io.agentd.cli.command.CliContext;
import io.agentd.cli.testing.FakeDaemon;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code agentctl search} in-process against a fake daemon on a real Unix socket. */
class SearchCommandIT {
    private static final String HITS = """
            {"results":[
              {"session":{"id":"3f2a9c1e-aaaa-4000-8000-000000000001","run_id":"r1","status":"completed",
                          "title":"Fix the parser","query":"fix","summary":"fix","archived":false},
               "matched_field":"message","snippet":"…the parser choked on a narwhal emoji…",
               "highlights":[{"start":24,"end":31}],"rank":-2.5},
              {"session":{"id":"77aa0b2c-bbbb-4000-8000-000000000002","run_id":"r2","status":"running",
                          "title":"","query":"count narwhals","summary":"count narwhals","archived":false},
               "matched_field":"query","snippet":"count narwhals","highlights":[{"start":6,"end":14}],"rank":-1.0}
            ]}""";

    private FakeDaemon daemon;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void start() throws Exception {
        daemon = FakeDaemon.start();
    }

    @AfterEach
    void stop() throws Exception {
        daemon.close();
    }

    private Run run(String... args) {
        CliContext context = new CliContext(
                new SocketPathResolver(Map.of("HUMANLAYER_DAEMON_SOCKET", daemon.socket().toString()),
                        Path.of("/home/ada")),
                Path.of("/home/ada/project"),
                Clock.fixed(Instant.parse("2026-06-18T12:00:00Z"), ZoneOffset.UTC),
                ZoneOffset.UTC, false, 100, Duration.ofMillis(10), Duration.ofSeconds(5));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Agentctl.commandLine(context, new PrintWriter(out), new PrintWriter(err), args).execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void printsATableWithTheMatchedWordsInBrackets() {
        daemon.result("searchSessions", HITS);
        Run run = run("search", "narwhal*");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("""
                ID        STATUS     TITLE           FIELD    SNIPPET
                3f2a9c1e  completed  Fix the parser  message  …the parser choked on a [narwhal] emoji…
                77aa0b2c  running    count narwhals  query    count [narwhals]
                """);
        assertThat(daemon.params("searchSessions").getFirst().toString())
                .isEqualTo("{\"query\":\"narwhal*\",\"limit\":10}");
    }

    @Test
    void joinsTheWordsAndPassesLimitAndArchived() {
        daemon.result("searchSessions", "{\"results\":[]}");
        Run run = run("search", "--limit", "3", "--archived", "\"quoted\"", "NEAR", "x");
        assertThat(run.out()).isEqualTo("no matching sessions\n");
        assertThat(daemon.params("searchSessions").getFirst().toString())
                .isEqualTo("{\"query\":\"\\\"quoted\\\" NEAR x\",\"limit\":3,\"include_archived\":true}");
    }

    @Test
    void jsonPrintsTheDaemonsResult() {
        daemon.result("searchSessions", HITS);
        Run run = run("search", "--json", "narwhals");
        assertThat(run.out()).contains("\"matched_field\" : \"message\"").contains("\"highlights\"");
    }

    @Test
    void aRefusedLimitIsOneLineOnStderrAndNoWordsIsUsage() {
        daemon.error("searchSessions", -32602, "limit must be between 1 and 50");
        Run run = run("search", "--limit", "99", "x");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("error: limit must be between 1 and 50 (code -32602)\n");
        assertThat(run("search").exitCode()).isEqualTo(2);
    }
}
