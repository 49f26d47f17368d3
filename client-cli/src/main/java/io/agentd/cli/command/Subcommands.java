package io.agentd.cli.command;

import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;

/**
 * The subcommands of {@code agentctl}, and which of them one invocation needs.
 *
 * <p>picocli builds the model of every registered subcommand up front, by reflection over its annotations; for
 * the fourteen subcommands that was about half of {@code agentctl ls}'s start-up (the JDK AOT cache cannot hold
 * picocli's classes, which are compiled for Java 5). So an invocation that names a subcommand registers only
 * that one; help, version, a typo and a bare {@code agentctl} register all of them, so help text and "did you
 * mean" suggestions are unchanged. The names repeat the {@code @Command} annotations; {@code SubcommandsTest}
 * keeps the two in step.
 */
public final class Subcommands {
    /** Every subcommand, in the order help lists them. */
    static final List<Class<?>> ALL = List.of(
            HealthCommand.class,
            LaunchCommand.class,
            ListCommand.class,
            ShowCommand.class,
            ConversationCommand.class,
            SearchCommand.class,
            ContinueCommand.class,
            InterruptCommand.class,
            ArchiveCommand.class,
            DiffCommand.class,
            RestoreCommand.class,
            WorktreesCommand.class,
            WatchCommand.class,
            TailCommand.class,
            ApprovalsCommand.class,
            ApproveCommand.class,
            DenyCommand.class,
            McpCommand.class);

    /** Names and aliases to their command. */
    static final Map<String, Class<?>> BY_NAME = Map.ofEntries(
            Map.entry("health", HealthCommand.class),
            Map.entry("launch", LaunchCommand.class),
            Map.entry("ls", ListCommand.class),
            Map.entry("list", ListCommand.class),
            Map.entry("show", ShowCommand.class),
            Map.entry("conversation", ConversationCommand.class),
            Map.entry("conv", ConversationCommand.class),
            Map.entry("search", SearchCommand.class),
            Map.entry("continue", ContinueCommand.class),
            Map.entry("interrupt", InterruptCommand.class),
            Map.entry("archive", ArchiveCommand.class),
            Map.entry("diff", DiffCommand.class),
            Map.entry("restore", RestoreCommand.class),
            Map.entry("worktrees", WorktreesCommand.class),
            Map.entry("watch", WatchCommand.class),
            Map.entry("tail", TailCommand.class),
            Map.entry("approvals", ApprovalsCommand.class),
            Map.entry("approve", ApproveCommand.class),
            Map.entry("deny", DenyCommand.class),
            Map.entry("mcp", McpCommand.class));

    /** Root options that take a value as the next argument (see {@link DaemonOptions}). */
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("--socket");
    /** Root options that neither take a value nor ask for help or the version. */
    private static final Set<String> PLAIN_OPTIONS = Set.of("--json");

    private Subcommands() {
    }

    /** Registers on {@code root} the subcommands that {@code args} can reach. */
    public static void register(CommandLine root, String[] args) {
        for (Class<?> command : needed(args)) {
            root.addSubcommand(command);
        }
    }

    /**
     * The one subcommand {@code args} names, or all of them when it names none, one we don't know, or an option
     * before it that is not a plain daemon option ({@code --help}, {@code --version}, a typo: their output may
     * list every subcommand).
     */
    static List<Class<?>> needed(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (OPTIONS_WITH_VALUE.contains(arg)) {
                i++;
            } else if (!PLAIN_OPTIONS.contains(arg) && !isOptionWithInlineValue(arg)) {
                Class<?> command = arg.startsWith("-") ? null : BY_NAME.get(arg);
                return command == null ? ALL : List.of(command);
            }
        }
        return ALL;
    }

    private static boolean isOptionWithInlineValue(String arg) {
        int equals = arg.indexOf('=');
        return equals > 0 && OPTIONS_WITH_VALUE.contains(arg.substring(0, equals));
    }
}
