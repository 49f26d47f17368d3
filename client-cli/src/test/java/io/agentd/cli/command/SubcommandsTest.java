package io.agentd.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentd.cli.client.DaemonClient;
import io.agentd.cli.client.SocketPathResolver;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class SubcommandsTest {

    @Test
    void namesAndAliasesMatchTheCommandAnnotations() {
        Map<String, Class<?>> fromAnnotations = new HashMap<>();
        for (Class<?> command : Subcommands.ALL) {
            Command annotation = command.getAnnotation(Command.class);
            fromAnnotations.put(annotation.name(), command);
            for (String alias : annotation.aliases()) {
                fromAnnotations.put(alias, command);
            }
        }
        assertThat(Subcommands.BY_NAME).isEqualTo(fromAnnotations);
        assertThat(Subcommands.ALL).doesNotHaveDuplicates();
    }

    @Test
    void anInvocationNamingASubcommandNeedsOnlyThatOne() {
        assertThat(Subcommands.needed(new String[] {"ls"})).containsExactly(ListCommand.class);
        assertThat(Subcommands.needed(new String[] {"list", "--json"})).containsExactly(ListCommand.class);
        assertThat(Subcommands.needed(new String[] {"--socket", "/tmp/s", "ls"})).containsExactly(ListCommand.class);
        assertThat(Subcommands.needed(new String[] {"--socket=/tmp/s", "--json", "conv", "x"}))
                .containsExactly(ConversationCommand.class);
        assertThat(Subcommands.needed(new String[] {"mcp", "claude_approvals"})).containsExactly(McpCommand.class);
        assertThat(Subcommands.needed(new String[] {"ls", "--help"})).containsExactly(ListCommand.class);
    }

    @Test
    void helpVersionTyposAndNothingNeedEverySubcommand() {
        for (String[] args : new String[][] {{}, {"--help"}, {"-h", "ls"}, {"--version"}, {"-V"}, {"lss"},
                {"--socket"}, {"--socket", "ls"}, {"--jsn", "ls"}, {"--", "ls"}}) {
            assertThat(Subcommands.needed(args)).as(String.join(" ", args)).isEqualTo(Subcommands.ALL);
        }
    }

    @Test
    void rootHelpListsEverySubcommandAndASubcommandParsesAlone() {
        CommandLine all = root();
        Subcommands.register(all, new String[] {"--help"});
        assertThat(all.getSubcommands().keySet())
                .containsExactlyInAnyOrderElementsOf(Subcommands.BY_NAME.keySet());
        assertThat(all.getUsageMessage()).contains("health", "launch", "ls", "approvals", "mcp");

        CommandLine one = root();
        Subcommands.register(one, new String[] {"--socket", "/tmp/s", "ls", "--archived"});
        assertThat(one.getSubcommands().keySet()).containsExactlyInAnyOrder("ls", "list");
        CommandLine.ParseResult parsed = one.parseArgs("--socket", "/tmp/s", "ls", "--archived");
        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("ls");
        assertThat(parsed.subcommand().matchedOptionValue("--archived", false)).isTrue();
        // --socket is inherited: given after the subcommand name it still parses.
        assertThat(one.parseArgs("ls", "--socket", "/tmp/s").subcommand().matchedOptionValue("--socket", ""))
                .isEqualTo("/tmp/s");
    }

    @Test
    void aNestedSubcommandParsesWithOnlyItsParentRegistered() {
        CommandLine mcp = root();
        Subcommands.register(mcp, new String[] {"mcp", "claude_approvals"});
        assertThat(mcp.parseArgs("mcp", "claude_approvals").subcommand().subcommand().commandSpec().name())
                .isEqualTo("claude_approvals");
    }

    private static CommandLine root() {
        Path dir = Path.of("/nonexistent");
        return new CommandLine(new AgentctlCommand(new CliContext(new SocketPathResolver(Map.of(), dir), dir,
                Clock.systemUTC(), ZoneId.systemDefault(), false, 120, Duration.ofMillis(250),
                DaemonClient.DEFAULT_TIMEOUT)));
    }
}
