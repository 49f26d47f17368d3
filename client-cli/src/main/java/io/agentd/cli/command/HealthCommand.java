package io.agentd.cli.command;

import io.agentd.cli.client.DaemonClient;
import io.agentd.cli.format.HealthView;
import io.agentd.cli.protocol.Health;
import io.agentd.cli.protocol.ProtocolJson;
import picocli.CommandLine.Command;
import tools.jackson.databind.JsonNode;

/** {@code agentctl health}: is the daemon up, and can it run Claude? */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = "Show the daemon's status, version, uptime, Claude CLI and database. Exit 0 when it reports ok,"
                + " its database takes writes and its background jobs work.")
final class HealthCommand extends DaemonCommand {
    @Override
    int run(DaemonClient client) {
        JsonNode result = client.call("health", null);
        Health health = ProtocolJson.MAPPER.treeToValue(result, Health.class);
        if (json()) {
            printJson(result);
        } else {
            print(HealthView.render(health, client.socket()));
        }
        return health.ok() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
