package io.agentd.bench;

import io.agentd.daemon.bus.EventBus;
import io.agentd.daemon.bus.EventLog;
import io.agentd.daemon.bus.SessionEventPublisher;
import io.agentd.daemon.rpc.MethodRegistry;
import io.agentd.daemon.rpc.RpcServer;
import io.agentd.daemon.rpc.RpcServerOptions;
import io.agentd.daemon.rpc.methods.SessionRpcBindings;
import io.agentd.daemon.session.api.SessionQueryService;
import io.agentd.daemon.session.api.SessionService;
import io.agentd.store.Database;
import io.agentd.store.DatabaseOptions;
import io.agentd.store.session.LaunchConfig;
import io.agentd.store.session.PermissionSettings;
import io.agentd.store.session.SessionRepository;
import io.agentd.store.session.SessionRow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Wall time of {@code agentctl ls} exactly as {@code bin/agentctl} runs it (its JDK AOT cache included,
 * recorded by a first unmeasured run when missing), against sessions served by the daemon's RpcServer in
 * this JVM. Baseline: {@code java -version} on the same JDK, the floor of any JVM start.
 */
final class CliBench {
    private CliBench() {
    }

    static List<Row> run(Bench.Settings settings) throws Exception {
        int runs = settings.quick() ? 5 : 15;
        Path agentctl = settings.root().resolve("bin/agentctl");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "agentd-bench-cli");
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(DatabaseOptions.defaults(dir.resolve("agentd.db")))) {
            SessionRepository sessions = new SessionRepository();
            Instant now = clock.instant();
            db.write(tx -> {
                for (int i = 0; i < 20; i++) {
                    sessions.insert(tx.connection(), SessionRow.newSession("session-" + i, "run-" + i, null,
                            "fix the failing test " + i, "fix the failing test", "", "opus", "/home/dev/project",
                            LaunchConfig.empty(), PermissionSettings.none(), now.minusSeconds(i)));
                }
                return null;
            });
            MethodRegistry registry = new MethodRegistry();
            new SessionRpcBindings(SessionService.storeOnly(db, new SessionEventPublisher(new EventLog(db,
                    new EventBus(clock, 1024), clock)), clock), new SessionQueryService(db)).registerStoreMethods(registry);
            try (RpcServer server = RpcServer.start(dir.resolve("d.sock"), registry, RpcServerOptions.defaults())) {
                List<String> ls = List.of(agentctl.toString(), "--socket", server.socketPath().toString(), "ls");
                exec(ls, Map.of()); // records the AOT cache if this build has none yet
                double withAot = HistoryBench.median(runs, () -> exec(ls, Map.of()));
                double withoutAot = HistoryBench.median(runs, () -> exec(ls, Map.of("AGENTCTL_AOT", "0")));
                exec(List.of(java, "-version"), Map.of());
                double javaVersion = HistoryBench.median(runs, () -> exec(List.of(java, "-version"), Map.of()));
                String note = "java -version, same JDK";
                return List.of(
                        Row.cost("agentctl ls wall time (bin/agentctl, AOT)", withAot, javaVersion, "ms", 300, note),
                        Row.cost("agentctl ls wall time, AGENTCTL_AOT=0", withoutAot, javaVersion, "ms", 0, note));
            }
        } finally {
            Files2.deleteTree(dir);
        }
    }

    private static void exec(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(env);
        Process p = builder.start();
        byte[] err = p.getErrorStream().readAllBytes();
        int code = p.waitFor();
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + code + ": " + new String(err));
        }
    }
}
