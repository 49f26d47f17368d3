package io.agentd.cli.command;

import io.agentd.cli.client.DaemonClient;
import io.agentd.cli.format.SearchTable;
import io.agentd.cli.protocol.ProtocolJson;
import io.agentd.cli.protocol.SearchParams;
import io.agentd.cli.protocol.SearchResults;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code agentctl search}: sessions whose titles, queries or conversations contain the given words. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Find sessions by the words of their titles, queries, summaries and conversations"
                + " (messages, tool names, file paths, tool results), best match first.",
                "Every word must match; case and accents are ignored; a word ending in * matches as a prefix."
                        + " Matched words show in [brackets]."})
final class SearchCommand extends DaemonCommand {
    @Parameters(arity = "1..*", paramLabel = "WORDS", description = "The words to find.")
    private List<String> words;

    @Option(names = "--limit", defaultValue = "10", paramLabel = "N",
            description = "At most N sessions, 1 to 50 (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Option(names = "--archived", description = "Search archived sessions too.")
    private boolean archived;

    @Override
    int run(DaemonClient client) {
        JsonNode result = client.call("searchSessions",
                new SearchParams(String.join(" ", words), limit, archived ? Boolean.TRUE : null));
        if (json()) {
            printJson(result);
        } else {
            SearchResults hits = ProtocolJson.MAPPER.treeToValue(result, SearchResults.class);
            print(new SearchTable(context().width()).render(hits.results()));
        }
        return ExitCodes.OK;
    }
}
