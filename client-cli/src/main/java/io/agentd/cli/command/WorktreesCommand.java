package io.agentd.cli.command;

import io.agentd.cli.client.DaemonClient;
import picocli.CommandLine.Command;
import tools.jackson.databind.JsonNode;

import java.util.Locale;

/** {@code agentctl worktrees}: the git worktrees agentd made for sessions, with branch, state and size. */
@Command(name = "worktrees", mixinStandardHelpOptions = true, description = "List session worktrees and their disk use.")
final class WorktreesCommand extends DaemonCommand {
    @Override
    int run(DaemonClient client) {
        JsonNode result = client.call("listWorktrees", null);
        if (json()) {
            printJson(result);
            return ExitCodes.OK;
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%-10s %-24s %5s %-5s %9s  %s%n",
                "SESSION", "BRANCH", "AHEAD", "DIRTY", "SIZE", "PATH"));
        for (JsonNode w : result.path("worktrees")) {
            text.append(String.format(Locale.ROOT, "%-10s %-24s %5d %-5s %9s  %s%n",
                    SessionResolver.shortId(w.path("session_id").asString()), w.path("branch").asString(),
                    w.path("commits_ahead").asInt(), w.path("dirty").asBoolean() ? "yes" : "no",
                    size(w.path("disk_bytes").asLong()), w.path("path").asString()
                            + (w.path("exists").asBoolean() ? "" : " (gone)")));
        }
        print(text.toString());
        return ExitCodes.OK;
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
    }
}
