package io.agentd.daemon.settings;

import io.agentd.daemon.claude.ClaudeBinary;
import io.agentd.daemon.claude.ClaudeLocator;
import io.agentd.daemon.error.AgentdException;
import io.agentd.store.Database;
import io.agentd.store.settings.SettingsRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The daemon settings a client may change at run time: today the Claude CLI path.
 *
 * <p>Precedence: a path saved by {@link #update} (kept in the store) wins over {@code --claude-path} and
 * {@code HUMANLAYER_CLAUDE_PATH}, because it is the user's latest explicit choice; saving an empty path
 * removes it, so the flag or variable applies again, else the CLI is looked for on PATH.
 */
public final class ConfigService {
    static final String CLAUDE_PATH = "claude_path";
    private static final Logger log = LoggerFactory.getLogger(ConfigService.class);

    private final Database database;
    private final SettingsRepository settings;
    private final ClaudeLocator claude;
    private final String startupClaudePath;
    private final Map<String, String> env;
    private final Clock clock;

    /**
     * @param startupClaudePath the path from the flag or environment; null when none
     * @param env the daemon's environment, to tell whether provider API keys are set
     */
    public ConfigService(Database database, SettingsRepository settings, ClaudeLocator claude, String startupClaudePath,
                         Map<String, String> env, Clock clock) {
        this.database = requireNonNull(database, "database is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.claude = requireNonNull(claude, "claude is null");
        this.startupClaudePath = startupClaudePath == null || startupClaudePath.isBlank() ? null : startupClaudePath;
        this.env = Map.copyOf(requireNonNull(env, "env is null"));
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** A path saved by an earlier {@link #update}, to give the locator before its first lookup. */
    public static Optional<String> savedClaudePath(Database database, SettingsRepository settings) {
        return database.read(c -> settings.config(c, CLAUDE_PATH));
    }

    public ClaudeConfig config() {
        return view(claude.current());
    }

    /** Saves the change, then looks the CLI up again at once so the answer says whether it works. */
    public ClaudeConfig update(ConfigUpdate update) {
        requireNonNull(update, "update is null");
        if (update.claudePath() == null) {
            return config();
        }
        String path = update.claudePath().strip();
        if (!path.isEmpty() && !Path.of(path).isAbsolute()) {
            throw AgentdException.invalidParams("claude_path must be an absolute path (or empty to look for claude): " + path);
        }
        database.write(tx -> {
            if (path.isEmpty()) {
                settings.removeConfig(tx.connection(), CLAUDE_PATH);
            } else {
                settings.putConfig(tx.connection(), CLAUDE_PATH, path, clock.instant());
            }
            return null;
        });
        log.info("claude_path set to {}", path.isEmpty() ? "(look for it)" : path);
        return view(claude.reconfigure(path.isEmpty() ? startupClaudePath : path));
    }

    public ConfigStatus status() {
        ClaudeBinary binary = claude.current();
        String path = binary.usablePath().map(Path::toString).orElseGet(() -> claude.configuredPath().orElse(""));
        return new ConfigStatus(path, binary.available(), new ConfigStatus.ProviderKey(hasKey("OPENROUTER_API_KEY")),
                new ConfigStatus.ProviderKey(hasKey("BASETEN_API_KEY")));
    }

    private ClaudeConfig view(ClaudeBinary binary) {
        String detected = claude.detectedPath().map(Path::toString)
                .orElseGet(() -> binary.usablePath().filter(Files::exists).map(Path::toString).orElse(null));
        return new ClaudeConfig(claude.configuredPath().orElse(""), detected, binary.available());
    }

    private boolean hasKey(String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }
}
