package io.agentd.testkit.claude;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment that runs the real Claude Code CLI offline against a fake Messages API: a private
 * {@code HOME} (so no user configuration, credentials or transcripts leak in or out), the fake API's
 * base URL, a dummy key, and the switches that turn off update checks, telemetry and retries.
 *
 * @param baseUrl the fake API, e.g. {@code FakeAnthropicApi.baseUrl()}
 * @param home the directory used as {@code HOME}; transcripts land in {@code home/.claude/projects}
 */
public record ClaudeEnvironment(String baseUrl, Path home) {
    /** The API key the CLI sends; the fake API accepts anything. */
    public static final String API_KEY = "sk-ant-test";

    public ClaudeEnvironment {
        requireNonNull(baseUrl, "baseUrl is null");
        requireNonNull(home, "home is null");
    }

    /** An environment whose {@code HOME} is a new temporary directory (the caller deletes it). */
    public static ClaudeEnvironment withFreshHome(String baseUrl) {
        try {
            return new ClaudeEnvironment(baseUrl, Files.createTempDirectory("agentd-claude-home-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary HOME", e);
        }
    }

    /** The variables to set on top of the inherited environment. */
    public Map<String, String> variables() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", home.toString());
        env.put("ANTHROPIC_BASE_URL", baseUrl);
        env.put("ANTHROPIC_API_KEY", API_KEY);
        env.put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
        env.put("DISABLE_AUTOUPDATER", "1");
        // one 5xx would otherwise cost minutes of retries
        env.put("CLAUDE_CODE_MAX_RETRIES", "0");
        // lets bypassPermissions work when the tests run as root (containers)
        env.put("IS_SANDBOX", "1");
        return Collections.unmodifiableMap(env);
    }

    /**
     * Sets {@link #variables()} on the builder, after removing inherited {@code ANTHROPIC_*} and
     * {@code CLAUDE_*} variables so a developer's own key or configuration never reaches a test run.
     */
    public ProcessBuilder applyTo(ProcessBuilder builder) {
        requireNonNull(builder, "builder is null");
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("ANTHROPIC_") || name.startsWith("CLAUDE_"));
        env.putAll(variables());
        return builder;
    }

    /** Where the CLI keeps session transcripts ({@code <projects>/<cwd mangled>/<session id>.jsonl}). */
    public Path projectsDir() {
        return home.resolve(".claude").resolve("projects");
    }
}
