package io.agentd.daemon.http;

import io.agentd.daemon.json.JsonMappers;
import io.agentd.testkit.daemon.DaemonProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The HTTP API's core as users meet it: a real daemon process, a real port, real requests. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class HttpServerIT {
    private static final Duration READY = Duration.ofSeconds(60);
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static final Path CURL = Path.of("/usr/bin/curl");
    private static final String ALLOWED_EXTRA = "http://localhost:5173";

    private static Path dir;
    private static DaemonProcess daemon;
    private static int port;
    private static RawHttp http;
    private static final List<DaemonProcess> others = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        dir = DaemonProcess.tempDir();
        daemon = DaemonProcess.start(dir, List.of("--http-port", "0", "--claude-path", "/nonexistent/claude"),
                Map.of("AGENTD_HTTP_ORIGINS", ALLOWED_EXTRA + ", https://Tools.Example.com:8443"));
        port = daemon.awaitHttpPort(READY);
        http = new RawHttp(port);
    }

    @AfterAll
    static void stop() throws IOException {
        others.forEach(DaemonProcess::close);
        if (daemon != null) {
            daemon.close();
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static JsonNode json(RawHttp.Response response) {
        return JsonMappers.daemon().readTree(response.body());
    }

    private static byte[] body(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void portZeroIsAnnouncedAsTheOnlyStdoutLine() throws Exception {
        assertThat(port).isPositive();
        assertThat(daemon.stdout()).isEqualTo("HTTP_PORT=" + port + "\n");
    }

    @Test
    void healthIsDegradedWhenClaudeIsMissingAndIsNotEnveloped() throws Exception {
        RawHttp.Response r = http.get("/api/v1/health");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.header("X-Request-ID")).isNotBlank();
        assertThat(r.header("Server")).isNull();
        JsonNode health = json(r);
        assertThat(health.path("status").asString()).isEqualTo("degraded");
        assertThat(health.path("version").asString()).isNotBlank();
        assertThat(health.path("dependencies").path("claude").path("available").asBoolean()).isFalse();
        assertThat(health.path("dependencies").path("claude").path("error").asString()).contains("/nonexistent/claude");
        assertThat(health.has("data")).isFalse();
    }

    @Test
    void debugInfoDescribesTheDatabase() throws Exception {
        JsonNode info = json(http.get("/api/v1/debug-info"));
        assertThat(info.path("path").asString()).isEqualTo(daemon.database().toString());
        assertThat(info.path("size").asLong()).isPositive();
        assertThat(info.path("table_count").asInt()).isGreaterThanOrEqualTo(5);
        assertThat(info.path("stats").path("sessions").isNumber()).isTrue();
        assertThat(info.path("stats").path("approvals").isNumber()).isTrue();
        assertThat(info.path("stats").path("events").isNumber()).isTrue();
        assertThat(info.path("last_modified").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(info.has("cli_command")).isTrue();
    }

    @Test
    void configStatusReportsClaudeAndProviderKeys() throws Exception {
        JsonNode status = json(http.get("/api/v1/config/status"));
        assertThat(status.path("claude_available").asBoolean()).isFalse();
        assertThat(status.path("claude_path").asString()).isEqualTo("/nonexistent/claude");
        assertThat(status.path("openrouter").path("api_key_configured").asBoolean()).isFalse();
        assertThat(status.path("baseten").path("api_key_configured").isBoolean()).isTrue();
    }

    @Test
    void aForeignHostHeaderIsRefused() throws Exception {
        RawHttp.Response rebound = http.get("/api/v1/health", "Host: evil.example:" + port);
        assertThat(rebound.status()).isEqualTo(403);
        assertThat(json(rebound).path("error").path("code").asString()).isEqualTo("HLD-3001");
        assertThat(http.get("/api/v1/health", "Host: localhost:" + (port == 65535 ? 1 : port + 1)).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/health", "Host: localhost:" + port).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/health", "Host: [::1]:" + port).status()).isEqualTo(200);
    }

    @Test
    void preflightIsAnsweredForTheDesktopAppAndConfiguredOrigins() throws Exception {
        for (String origin : List.of("tauri://localhost", "http://tauri.localhost", ALLOWED_EXTRA,
                "https://tools.example.com:8443", "http://127.0.0.1:" + port)) {
            RawHttp.Response r = http.send("OPTIONS", "/api/v1/sessions", null, "Origin: " + origin,
                    "Access-Control-Request-Method: POST", "Access-Control-Request-Headers: content-type, x-client");
            assertThat(r.status()).as(origin).isEqualTo(204);
            assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(origin);
            assertThat(r.header("Access-Control-Allow-Methods")).contains("PATCH", "DELETE");
            assertThat(r.header("Access-Control-Allow-Headers")).contains("Content-Type", "X-Client", "X-Client-Version",
                    "Authorization", "Accept", "Origin");
            assertThat(r.header("Access-Control-Expose-Headers")).contains("X-Request-ID");
            assertThat(r.header("Access-Control-Max-Age")).isEqualTo("43200");
        }
        RawHttp.Response get = http.get("/api/v1/health", "Origin: tauri://localhost");
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.header("Access-Control-Allow-Origin")).isEqualTo("tauri://localhost");
    }

    @Test
    void aDisallowedOriginIsRefusedAndChangesNothing() throws Exception {
        RawHttp.Response preflight = http.send("OPTIONS", "/api/v1/user-settings", null, "Origin: https://evil.example",
                "Access-Control-Request-Method: PATCH");
        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(http.get("/api/v1/health", "Origin: https://evil.example").status()).isEqualTo(403);
        assertThat(http.get("/api/v1/health", "Origin: null").status()).isEqualTo(403);

        String before = json(http.get("/api/v1/user-settings")).toString();
        // A form POST / fetch from the page: the browser sends it without asking first; it must change nothing.
        RawHttp.Response patch = http.send("PATCH", "/api/v1/user-settings", body("{\"opt_in_telemetry\":true}"),
                "Origin: https://evil.example");
        assertThat(patch.status()).isEqualTo(403);
        assertThat(json(patch).path("error").path("message").asString()).contains("https://evil.example");
        RawHttp.Response config = http.send("PATCH", "/api/v1/config", body("{\"claude_path\":\"/tmp/evil\"}"),
                "Origin: http://localhost:" + (port == 65535 ? 1 : port + 1));
        assertThat(config.status()).isEqualTo(403);
        assertThat(json(http.get("/api/v1/user-settings")).toString()).isEqualTo(before);
        assertThat(json(http.get("/api/v1/config")).path("claude_path").asString()).isNotEqualTo("/tmp/evil");
        // A cross-site request without an Origin (an <img> or <script> GET) is recognized by Sec-Fetch-Site.
        assertThat(http.get("/api/v1/health", "Sec-Fetch-Site: cross-site").status()).isEqualTo(403);
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        byte[] big = new byte[5 << 20];
        java.util.Arrays.fill(big, (byte) ' ');
        RawHttp.Response r = http.send("PATCH", "/api/v1/user-settings", big);
        assertThat(r.status()).isEqualTo(413);
        assertThat(json(r).path("error").path("code").asString()).isEqualTo("HLD-3001");
    }

    @Test
    void headersOverTheLimitAre431() throws Exception {
        RawHttp.Response r = http.get("/api/v1/health", "X-Padding: " + "a".repeat(20_000));
        assertThat(r.status()).isEqualTo(431);
        assertThat(r.body()).doesNotContain("<html");
    }

    @Test
    void badJsonIs400WithTheFieldAndNoStackTrace() throws Exception {
        RawHttp.Response malformed = http.send("PATCH", "/api/v1/user-settings", body("{\"advanced_providers\": tru"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(json(malformed).path("error").path("code").asString()).isEqualTo("HLD-3001");
        assertThat(json(malformed).path("error").path("message").asString()).startsWith("malformed JSON");
        RawHttp.Response wrongType = http.send("PATCH", "/api/v1/user-settings", body("{\"advanced_providers\": \"yes\"}"));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(json(wrongType).path("error").path("message").asString()).contains("'advanced_providers'");
        RawHttp.Response empty = http.send("PATCH", "/api/v1/config", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        for (RawHttp.Response r : List.of(malformed, wrongType, empty)) {
            assertThat(r.body()).doesNotContain("Exception", "\tat ", "jackson");
        }
    }

    @Test
    void unknownPathsAre404AndWrongMethods405() throws Exception {
        RawHttp.Response missing = http.get("/api/v1/no-such-thing");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(json(missing).path("error").path("code").asString()).isEqualTo("HLD-1002");
        assertThat(http.get("/elsewhere").status()).isEqualTo(404);
        RawHttp.Response wrong = http.send("DELETE", "/api/v1/health", null);
        assertThat(wrong.status()).isEqualTo(405);
        assertThat(wrong.header("Allow")).isEqualTo("GET");
        assertThat(json(wrong).path("error").path("code").asString()).isEqualTo("HLD-3001");
    }

    @Test
    void userSettingsAreEnvelopedAndChangeFieldByField() throws Exception {
        JsonNode first = json(http.get("/api/v1/user-settings")).path("data");
        assertThat(first.path("advanced_providers").isBoolean()).isTrue();
        assertThat(first.path("created_at").asString()).isNotBlank();
        JsonNode changed = json(http.send("PATCH", "/api/v1/user-settings", body("{\"advanced_providers\":true}")))
                .path("data");
        assertThat(changed.path("advanced_providers").asBoolean()).isTrue();
        JsonNode again = json(http.send("PATCH", "/api/v1/user-settings", body("{\"opt_in_telemetry\":false}")))
                .path("data");
        assertThat(again.path("advanced_providers").asBoolean()).isTrue();
        assertThat(again.path("opt_in_telemetry").asBoolean(true)).isFalse();
    }

    @Test
    void anotherUsersConnectionIsRefusedAndTheOwnersIsServed() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to act as another user");
        assumeTrue(Files.isExecutable(SETPRIV) && Files.isExecutable(CURL), "needs setpriv and curl");
        Process foreign = new ProcessBuilder(SETPRIV.toString(), "--reuid=65534", "--regid=65534", "--clear-groups",
                CURL.toString(), "-s", "-o", "/dev/null", "-w", "%{http_code}", "http://127.0.0.1:" + port + "/api/v1/health")
                .redirectErrorStream(true).start();
        String code = new String(foreign.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(foreign.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(code).isEqualTo("403");
        Process own = new ProcessBuilder(CURL.toString(), "-s", "-o", "/dev/null", "-w", "%{http_code}",
                "http://127.0.0.1:" + port + "/api/v1/health").redirectErrorStream(true).start();
        String ownCode = new String(own.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(own.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ownCode).isEqualTo("200");
        assertThat(daemon.stderr()).contains("its socket belongs to another user");
    }

    @Test
    void claudePathSetOverHttpIsUsedAndKeptAcrossARestart() throws Exception {
        Path own = Files.createDirectories(dir.resolve("restart"));
        Path claude = own.resolve("my-claude");
        Files.writeString(claude, "#!/bin/sh\necho '9.9.9 (Claude Code)'\n");
        Files.setPosixFilePermissions(claude, PosixFilePermissions.fromString("rwx------"));
        DaemonProcess first = startOther(own, List.of("--http-port", "0"));
        RawHttp firstHttp = new RawHttp(first.awaitHttpPort(READY));
        JsonNode set = json(firstHttp.send("PATCH", "/api/v1/config",
                body("{\"claude_path\":\"" + claude + "\"}")));
        assertThat(set.path("claude_path").asString()).isEqualTo(claude.toString());
        assertThat(set.path("claude_available").asBoolean()).isTrue();
        firstHttp.send("PATCH", "/api/v1/user-settings", body("{\"advanced_providers\":true}"));
        first.signal("TERM");
        assertThat(first.awaitExit(Duration.ofSeconds(30))).isZero();

        DaemonProcess second = startOther(own, List.of("--http-port", "0"));
        RawHttp secondHttp = new RawHttp(second.awaitHttpPort(READY));
        JsonNode config = json(secondHttp.get("/api/v1/config"));
        assertThat(config.path("claude_path").asString()).isEqualTo(claude.toString());
        assertThat(config.path("claude_available").asBoolean()).isTrue();
        JsonNode health = json(secondHttp.get("/api/v1/health"));
        assertThat(health.path("status").asString()).isEqualTo("ok");
        assertThat(health.path("dependencies").path("claude").path("version").asString()).isEqualTo("9.9.9");
        assertThat(json(secondHttp.get("/api/v1/user-settings")).path("data").path("advanced_providers").asBoolean())
                .isTrue();
        // An empty path goes back to looking for claude.
        JsonNode cleared = json(secondHttp.send("PATCH", "/api/v1/config", body("{\"claude_path\":\"\"}")));
        assertThat(cleared.path("claude_path").asString()).isEmpty();
    }

    @Test
    void noHttpServesOnlyTheSocket() throws Exception {
        Path own = Files.createDirectories(dir.resolve("nohttp"));
        DaemonProcess quiet = startOther(own, List.of("--no-http", "--http-port", "0"));
        quiet.awaitReady(READY);
        assertThat(quiet.stdout()).isEmpty();
        assertThat(quiet.stderr()).doesNotContain("HTTP API on");
    }

    @Test
    void aTakenPortIsAClearErrorWithExitOne() throws Exception {
        Path own = Files.createDirectories(dir.resolve("taken"));
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            DaemonProcess refused = startOther(own, List.of("--http-port", Integer.toString(taken.getLocalPort())));
            assertThat(refused.awaitExit(READY)).isEqualTo(1);
            assertThat(refused.stderr()).contains("cannot listen for HTTP on 127.0.0.1:" + taken.getLocalPort())
                    .contains("--http-port 0").doesNotContain("\tat ");
            assertThat(refused.stdout()).isEmpty();
        }
    }

    private static DaemonProcess startOther(Path own, List<String> args) throws IOException {
        DaemonProcess d = DaemonProcess.start(own, args, Map.of());
        others.add(d);
        return d;
    }
}
