package io.agentd.cli.command;

import io.agentd.cli.client.DaemonClient;
import io.agentd.cli.protocol.LaunchParams;
import io.agentd.cli.protocol.LaunchResult;
import io.agentd.cli.protocol.ProtocolJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code agentctl launch}: start a Claude session, optionally waiting for it to finish. */
@Command(name = "launch", mixinStandardHelpOptions = true,
        description = "Launch a Claude Code session and print its id.")
final class LaunchCommand extends DaemonCommand {
    @Mixin
    private SessionOptions options;

    @Parameters(index = "0", paramLabel = "QUERY", description = "The prompt.")
    private String query;

    @Option(names = "--model", paramLabel = "M", description = "opus, sonnet or haiku.")
    private String model;

    @Option(names = "--dir", paramLabel = "D", description = "Working directory (default: the current one).")
    private Path dir;

    @Option(names = "--title", paramLabel = "T", description = "Session title.")
    private String title;

    @Option(names = "--add-dir", paramLabel = "D", description = "Additional directory Claude may use (repeatable).")
    private List<Path> addDirs = new ArrayList<>();

    @Override
    int run(DaemonClient client) {
        Path cwd = context().cwd();
        LaunchParams params = new LaunchParams(query, title, model, absolute(cwd, dir).toString(), options.maxTurns,
                options.systemPrompt, options.appendSystemPrompt, options.allowedTools, options.disallowedTools,
                addDirs.stream().map(d -> absolute(cwd, d).toString()).toList());
        JsonNode result = client.call("launchSession", params);
        LaunchResult launched = ProtocolJson.MAPPER.treeToValue(result, LaunchResult.class);
        if (!options.waits()) {
            if (json()) {
                printJson(result);
            } else {
                print("session " + launched.sessionId() + "\nrun     " + launched.runId() + "\n");
            }
            return ExitCodes.OK;
        }
        if (!json()) {
            print("session " + launched.sessionId() + "\nrun     " + launched.runId() + "\n");
        }
        return awaitEnd(client, launched.sessionId(), options.approveInteractively);
    }

    private static Path absolute(Path cwd, Path dir) {
        return dir == null ? cwd : cwd.resolve(dir).normalize();
    }
}
